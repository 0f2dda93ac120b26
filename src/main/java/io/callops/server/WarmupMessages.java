package io.callops.server;

import io.callops.sip.HeaderName;
import io.callops.sip.SipMessage;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The messages of a warm-up call, shaped like those of a common desk phone (SDP offer and
 * answer, Record-Route echoed by the callee, loose-routed ACK and BYE), so that the code the
 * proxy runs for them is the code real calls take.
 */
final class WarmupMessages {
    private static final String SDP_OFFER = """
            v=0\r
            o=caller 53655765 2353687637 IN IP4 127.0.0.1\r
            s=-\r
            c=IN IP4 127.0.0.1\r
            t=0 0\r
            m=audio 6000 RTP/AVP 0 8 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=fmtp:101 0-16\r
            a=sendrecv\r
            """;
    private static final String SDP_SHORT = """
            v=0\r
            o=Caller 1 1 IN IP4 127.0.0.1\r
            s=-\r
            c=IN IP4 127.0.0.1\r
            t=0 0\r
            m=audio 6000 RTP/AVP 0\r
            a=rtpmap:0 PCMU/8000\r
            """;
    private static final String SDP_ANSWER = SDP_OFFER.replace("caller", "callee").replace("6000", "6002");

    private final String phoneHost;
    private final int calleePort;
    private final int[] callerPorts;
    private final String proxyHostPort;

    /** @param callerPorts call {@code n} is placed from {@code callerPorts[n % length]} */
    WarmupMessages(String phoneHost, int calleePort, int[] callerPorts, String proxyHostPort) {
        this.phoneHost = phoneHost;
        this.calleePort = calleePort;
        this.callerPorts = callerPorts.clone();
        this.proxyHostPort = proxyHostPort;
    }

    /** Host and port of the caller of call {@code n}. */
    private String caller(long n) {
        return phoneHost + ":" + callerPorts[(int) (n % callerPorts.length)];
    }

    private String callee() {
        return phoneHost + ":" + calleePort;
    }

    /**
     * The INVITE of call {@code n}. Calls rotate through three phone styles (full headers with
     * rport; a terse one with upper-case parameters and a port in every URI; compact header
     * names with a telephone-number user), so that no common spelling is first met by a real call.
     */
    byte[] invite(String callId, long n) {
        String user = Warmup.ROUTE_PREFIX + n;
        return switch ((int) (n % 3)) {
            case 0 -> request("INVITE sip:" + user + "@" + proxyHostPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + caller(n) + ";branch=z9hG4bK-w" + n + "-1;rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: \"Warm Up\" <sip:caller@" + phoneHost + ">;tag=c" + n + "\r\n"
                    + "To: <sip:" + user + "@" + proxyHostPort + ">\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:caller@" + caller(n) + ";transport=udp>\r\n"
                    + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, UPDATE\r\n"
                    + "Supported: replaces, timer\r\n"
                    + "User-Agent: callops-warmup\r\n"
                    + "Content-Type: application/sdp\r\n", SDP_OFFER);
            case 1 -> request("INVITE sip:" + user + "@" + proxyHostPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + caller(n) + ";branch=z9hG4bK" + n + "-XyZ-1\r\n"
                    + "From: WarmUp <sip:Caller_" + n + "@" + caller(n) + ">;tag=" + n + "WarmUpTag01\r\n"
                    + "To: <sip:" + user + "@" + proxyHostPort + ">\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:Caller_" + n + "@" + caller(n) + ";transport=UDP>\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Subject: Warm-Up Call (" + n + ")\r\n"
                    + "Content-Type: application/sdp\r\n", SDP_SHORT);
            default -> request("INVITE sip:" + user + "@" + proxyHostPort + ";user=phone SIP/2.0\r\n"
                    + "v: SIP/2.0/UDP " + caller(n) + ";rport;branch=z9hG4bK.w" + n + "~1\r\n"
                    + "f: \"+1 555 \\\"0100\\\"\" <sip:+15550100@" + phoneHost + ";user=phone>;tag=t" + n + "\r\n"
                    + "t: <sip:" + user + "@" + proxyHostPort + ";user=phone>\r\n"
                    + "i: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "m: \"Desk\" <sip:+15550100@" + caller(n) + ";line=a1b2>;expires=3600;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-00000000" + String.format("%04d", n % 10000) + ">\"\r\n"
                    + "Max-Forwards: 69\r\n"
                    + "k: replaces,100rel\r\n"
                    + "Allow: INVITE,ACK,BYE,CANCEL,OPTIONS,INFO,MESSAGE,SUBSCRIBE,NOTIFY,PRACK,UPDATE,REFER\r\n"
                    + "c: application/sdp\r\n", SDP_OFFER);
        };
    }

    /** 180 or 200 from the callee side, echoing what RFC 3261 §8.2.6 says a UAS copies. */
    byte[] answer(SipRequest invite, int code, String toTag) {
        StringBuilder b = new StringBuilder(768);
        b.append("SIP/2.0 ").append(code).append(code == 180 ? " Ringing" : " OK").append("\r\n");
        copy(b, invite, HeaderName.VIA);
        copy(b, invite, HeaderName.RECORD_ROUTE);
        b.append("From: ").append(invite.header(HeaderName.FROM)).append("\r\n");
        b.append("To: ").append(invite.header(HeaderName.TO)).append(";tag=").append(toTag).append("\r\n");
        b.append("Call-ID: ").append(invite.callId()).append("\r\n");
        b.append("CSeq: ").append(invite.header(HeaderName.CSEQ)).append("\r\n");
        b.append(code == 200 && invite.callId().hashCode() % 2 == 0 ? "Contact: <sip:Callee@" : "Contact: <sip:callee@")
                .append(callee()).append(";transport=UDP>\r\n");
        if (code == 180) {
            b.append("Content-Length: 0\r\n\r\n");
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
        b.append("Content-Type: application/sdp\r\n");
        return withBody(b, SDP_ANSWER);
    }

    /** 100 Trying from the callee side, sent before the 180 by many phones (and by SIPp's UAS). */
    byte[] trying(SipRequest invite) {
        return withoutBody(invite, "100 Trying");
    }

    /** 200 for a BYE (or any other non-INVITE request). */
    byte[] ok(SipRequest request) {
        return withoutBody(request, "200 OK");
    }

    /** A response without a To tag of its own or a body: what a 100 or the 200 of a BYE needs. */
    private static byte[] withoutBody(SipRequest request, String status) {
        StringBuilder b = new StringBuilder(512);
        b.append("SIP/2.0 ").append(status).append("\r\n");
        copy(b, request, HeaderName.VIA);
        b.append("From: ").append(request.header(HeaderName.FROM)).append("\r\n");
        b.append("To: ").append(request.header(HeaderName.TO)).append("\r\n");
        b.append("Call-ID: ").append(request.callId()).append("\r\n");
        b.append("CSeq: ").append(request.header(HeaderName.CSEQ)).append("\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** ACK (CSeq 1) or BYE (CSeq 2) of the caller, sent through the route set of the 200. */
    byte[] inDialog(SipResponse ok, String method, long n, int branchSeq) {
        List<String> rr = ok.headerLines(HeaderName.RECORD_ROUTE);
        String contact = ok.header(HeaderName.CONTACT);
        StringBuilder b = new StringBuilder(768);
        // The remote target is the Contact of the 2xx (RFC 3261 §12.1.2); this callee always brackets it.
        b.append(method).append(' ').append(contact, contact.indexOf('<') + 1, contact.indexOf('>'))
                .append(" SIP/2.0\r\n");
        b.append("Via: SIP/2.0/UDP ").append(caller(n)).append(";branch=z9hG4bK-w").append(n).append('-')
                .append(branchSeq).append(n % 3 == 1 ? "\r\n" : ";rport\r\n");
        // The caller's route set is the Record-Route of the 200 in reverse order (RFC 3261 §12.1.2).
        for (int i = rr.size() - 1; i >= 0; i--) {
            b.append("Route: ").append(rr.get(i)).append("\r\n");
        }
        b.append("Max-Forwards: 70\r\n");
        b.append("From: ").append(ok.header(HeaderName.FROM)).append("\r\n");
        b.append("To: ").append(ok.header(HeaderName.TO)).append("\r\n");
        b.append("Call-ID: ").append(ok.callId()).append("\r\n");
        b.append("CSeq: ").append(method.equals("ACK") ? 1 : 2).append(' ').append(method).append("\r\n");
        b.append("User-Agent: callops-warmup\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Copies a header of the request into the response: one line per value for some calls, all
     * values joined on one line for the others, as many phones (and SIPp) write them.
     */
    private static void copy(StringBuilder b, SipMessage from, HeaderName name) {
        String label = name.canonical();
        List<String> lines = from.headerLines(name);
        if (lines.isEmpty()) {
            return;
        }
        if ((from.callId().hashCode() & 1) == 0) {
            for (String v : lines) {
                b.append(label).append(": ").append(v).append("\r\n");
            }
        } else {
            b.append(label).append(": ").append(String.join(", ", lines)).append("\r\n");
        }
    }

    private static byte[] request(String head, String body) {
        return withBody(new StringBuilder(head), body);
    }

    private static byte[] withBody(StringBuilder head, String body) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(bodyBytes.length).append("\r\n\r\n").append(body);
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }
}
