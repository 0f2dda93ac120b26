package io.callops.txn;

import io.callops.sip.HeaderName;
import io.callops.sip.SipMessage;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import java.util.Locale;

/** How requests are matched to transactions (RFC 3261 §17.1.3 and §17.2.3). */
final class TransactionKeys {
    /** The RFC 3261 branch prefix: a branch starting with it is unique per transaction. */
    static final String MAGIC_COOKIE = "z9hG4bK";

    private TransactionKeys() {}

    /**
     * The server transaction key. With an RFC 3261 branch: branch, sent-by and method (ACK
     * counts as INVITE). Without one, the RFC 2543 fallback of §17.2.3: Request-URI, From
     * tag, Call-ID, CSeq number and the whole top Via (To tag left out so that the ACK for
     * a non-2xx, which carries our To tag, matches its INVITE).
     */
    static String serverKey(SipRequest r) {
        String method = r.isMethod(SipMethod.ACK) ? SipMethod.INVITE : r.method();
        return serverKey(r, method);
    }

    static String serverKey(SipRequest r, String method) {
        String branch = r.topViaBranch();
        String topVia = r.firstValue(HeaderName.VIA);
        if (branch != null && branch.length() > MAGIC_COOKIE.length() && branch.startsWith(MAGIC_COOKIE)) {
            return branch + '|' + sentBy(topVia) + '|' + method;
        }
        return "2543|" + r.requestUri() + '|' + r.fromTag() + '|' + r.callId() + '|' + r.cseqNumber() + '|'
                + topVia + '|' + method;
    }

    /** The client transaction key: our branch and the CSeq method (§17.1.3). */
    static String clientKey(SipMessage m) {
        String method = m.cseqMethod();
        if (SipMethod.ACK.equals(method)) {
            method = SipMethod.INVITE;
        }
        return m.topViaBranch() + '|' + method;
    }

    /** The sent-by of a Via value, lower-cased: {@code SIP/2.0/UDP Host:5060;branch=...} → {@code host:5060}. */
    static String sentBy(String via) {
        if (via == null) {
            return "";
        }
        int i = 0;
        int slashes = 0;
        while (i < via.length() && slashes < 2) {
            if (via.charAt(i) == '/') slashes++;
            i++;
        }
        while (i < via.length() && via.charAt(i) != ' ' && via.charAt(i) != '\t') i++; // transport
        while (i < via.length() && (via.charAt(i) == ' ' || via.charAt(i) == '\t')) i++;
        int s = i;
        while (i < via.length() && via.charAt(i) != ';' && via.charAt(i) != ',' && via.charAt(i) != ' ') i++;
        return via.substring(s, i).toLowerCase(Locale.ROOT);
    }
}
