package io.callops.dialog;

import io.callops.proxy.OurAddresses;
import io.callops.sip.header.NameAddr;
import java.util.ArrayList;
import java.util.List;

/**
 * Route sets for requests the proxy sends towards a leg. Towards the caller they are the
 * Record-Route values the INVITE arrived with (proxies between us and the caller, nearest
 * first). Towards the callee they are the values above ours in the 2xx, reversed (the
 * proxies between us and the callee, nearest first).
 */
final class RouteSets {
    private RouteSets() {
    }

    /** Our Record-Route values always carry one of our addresses as host:port. */
    private static boolean mentionsListenAddress(String value, OurAddresses ours) {
        for (String hostPort : ours.hostPorts()) {
            if (value.contains(hostPort)) return true;
        }
        return false;
    }

    static List<String> towardsCallee(List<String> recordRoutes, OurAddresses ours) {
        int firstOurs = -1;
        for (int i = 0; i < recordRoutes.size(); i++) {
            if (isOurs(recordRoutes.get(i), ours)) {
                firstOurs = i;
                break;
            }
        }
        if (firstOurs <= 0) return List.of();
        List<String> out = new ArrayList<>(firstOurs);
        for (int i = firstOurs - 1; i >= 0; i--) {
            out.add(recordRoutes.get(i));
        }
        return List.copyOf(out);
    }

    private static boolean isOurs(String value, OurAddresses ours) {
        if (!mentionsListenAddress(value, ours)) return false; // most entries: no parsing
        try {
            return ours.isListenUri(NameAddr.parse(value).uri());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
