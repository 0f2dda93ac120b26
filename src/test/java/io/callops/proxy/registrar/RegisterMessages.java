package io.callops.proxy.registrar;

import io.callops.sip.ParseResult;
import io.callops.sip.SipParser;
import io.callops.sip.SipRequest;
import io.callops.transport.Flow;
import io.callops.transport.TransportType;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** REGISTER requests written as SIP text and parsed, as the transport would hand them over. */
final class RegisterMessages {

    static final Flow UDP_FLOW = new Flow(TransportType.UDP, new InetSocketAddress("192.0.2.10", 5060),
            new InetSocketAddress("198.51.100.7", 5062), 0);

    private RegisterMessages() {
    }

    /** A REGISTER to {@code toUri} with the given Call-ID, CSeq and extra header lines. */
    static SipRequest register(String toUri, String callId, long cseq, String... headers) {
        StringBuilder sb = new StringBuilder()
                .append("REGISTER sip:example.com SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK").append(callId.hashCode()).append('x')
                .append(cseq).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("To: <").append(toUri).append(">\r\n")
                .append("From: <").append(toUri).append(">;tag=f").append(cseq).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(" REGISTER\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Length: 0\r\n\r\n");
        ParseResult r = new SipParser().parse(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (r instanceof ParseResult.Success s) {
            return (SipRequest) s.message();
        }
        throw new AssertionError("test REGISTER does not parse: " + ((ParseResult.Failure) r).reason());
    }
}
