package io.callops.txn;

import io.callops.sip.HeaderName;
import io.callops.sip.SipRequest;
import io.callops.transport.Flow;
import io.callops.transport.TransportType;
import java.net.InetSocketAddress;

/**
 * Where responses to a request go (RFC 3261 §18.2.2 with RFC 3581). Over TCP: back on the
 * connection the request came on. Over UDP: to the source address of the request, at the
 * source port when the top Via asked for {@code rport}, otherwise at the sent-by port. The
 * source address is used rather than a DNS lookup of sent-by: it is what §18.2.1's
 * {@code received} parameter says, and no resolver may run on the SIP path.
 */
public final class ResponseRouting {
    private ResponseRouting() {}

    public static Flow responseFlow(SipRequest request, Flow arrival) {
        if (arrival.transport() != TransportType.UDP) {
            return arrival;
        }
        String via = request.firstValue(HeaderName.VIA);
        if (via == null || hasRport(via)) {
            return arrival;
        }
        int port = sentByPort(via);
        if (port == arrival.remote().getPort()) {
            return arrival;
        }
        return new Flow(TransportType.UDP, arrival.local(),
                new InetSocketAddress(arrival.remote().getAddress(), port), 0);
    }

    private static boolean hasRport(String via) {
        int i = via.toLowerCase(java.util.Locale.ROOT).indexOf(";rport");
        if (i < 0) return false;
        int e = i + 6;
        return e == via.length() || via.charAt(e) == ';' || via.charAt(e) == '=' || via.charAt(e) == ' ';
    }

    /** Port of the sent-by, 5060 when absent. */
    static int sentByPort(String via) {
        String sentBy = TransactionKeys.sentBy(via);
        int close = sentBy.lastIndexOf(']');
        int colon = sentBy.lastIndexOf(':');
        if (colon > close && colon + 1 < sentBy.length()) {
            try {
                int p = Integer.parseInt(sentBy.substring(colon + 1));
                if (p > 0 && p <= 65535) return p;
            } catch (NumberFormatException e) {
                return 5060;
            }
        }
        return 5060;
    }
}
