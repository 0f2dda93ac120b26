package io.callops.mi;

import io.callops.api.MiCommand;
import io.callops.proxy.registrar.Binding;
import io.callops.proxy.registrar.LocationService;
import io.callops.transport.Flow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ul_dump}: every live registration, grouped by AOR, in the layout of OpenSIPS usrloc
 * ({@code Domains[].AORs[].Contacts[]}) so that scripts reading that dump keep working.
 */
final class UlDumpCommand {
    private UlDumpCommand() {}

    static MiCommand create(LocationService location) {
        return MiCommand.of("ul_dump", "all registered contacts by AOR", p -> {
            long now = location.nowMs();
            List<Object> aors = new ArrayList<>();
            int contacts = 0;
            for (Map.Entry<String, List<Binding>> e : location.snapshot().entrySet()) {
                List<Object> list = new ArrayList<>();
                for (Binding b : e.getValue()) {
                    list.add(contact(b, now));
                    contacts++;
                }
                Map<String, Object> aor = new LinkedHashMap<>();
                aor.put("AOR", e.getKey());
                aor.put("Contacts", list);
                aors.add(aor);
            }
            Map<String, Object> domain = new LinkedHashMap<>();
            domain.put("name", "location");
            domain.put("contacts", contacts);
            domain.put("AORs", aors);
            return CompletableFuture.completedFuture(Map.of("Domains", List.of(domain)));
        });
    }

    private static Map<String, Object> contact(Binding b, long now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Contact", b.contactUri().toString());
        c.put("Expires", b.remainingSeconds(now));
        c.put("Q", b.q());
        c.put("Callid", b.callId());
        c.put("Cseq", b.cseq());
        c.put("User-agent", b.userAgent() == null ? "" : b.userAgent());
        c.put("Received", received(b.flow()));
        return c;
    }

    /** The flow the REGISTER came on, as {@code proto:ip:port} like OpenSIPS's socket strings. */
    private static String received(Flow f) {
        String host = f.remote().getAddress().getHostAddress();
        return f.transport().name().toLowerCase(Locale.ROOT) + ":" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + f.remote().getPort();
    }
}
