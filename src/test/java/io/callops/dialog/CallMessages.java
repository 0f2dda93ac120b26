package io.callops.dialog;

import io.callops.sip.HeaderName;
import io.callops.sip.MessageBuilder;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;
import io.callops.transport.TransportType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The messages of one call from alice to bob through the proxy at 127.0.0.1:5060, as they
 * reach the proxy. alice sits behind one proxy of her own (edge); the INVITE forks to two
 * phones of bob's, each behind proxies of its own.
 */
final class CallMessages {
    static final String CALL_ID = "f81d4fae-7dec@alice.example.com";
    static final String ALICE = "<sip:alice@example.com>";
    static final String ALICE_TAG = "alice-1";
    static final String ALICE_CONTACT = "sip:alice@127.0.0.1:5070";
    static final Flow ALICE_FLOW = flowFrom(5070);
    static final String BOB = "<sip:bob@example.com>";
    static final long INVITE_CSEQ = 101;
    /** alice's proxy: the INVITE arrives with its Record-Route, which is the route set towards alice. */
    static final String EDGE = "<sip:edge.example.com;lr>";
    /** Our own Record-Route as it comes back in responses. */
    static final String OURS = "<sip:127.0.0.1:5060;lr>";
    static final String SDP_TYPE = "application/sdp";

    /**
     * One phone the INVITE reached.
     *
     * @param proxies the Record-Route values its proxies added, as they stand in its responses
     *                (the one nearest the phone first)
     */
    record Callee(String tag, String contact, Flow flow, List<String> proxies) {
        /** The Record-Route of its responses: its proxies above ours, alice's edge below. */
        List<String> recordRoutes() {
            List<String> all = new ArrayList<>(proxies);
            all.add(OURS);
            all.add(EDGE);
            return all;
        }
    }

    static final Callee BOB_A = new Callee("bob-a", "sip:bob@127.0.0.1:5080", flowFrom(5080),
            List.of("<sip:p2.example.net;lr>", "<sip:p1.example.net;lr>"));
    static final Callee BOB_B = new Callee("bob-b", "sip:bob@127.0.0.1:5090", flowFrom(5090),
            List.of("<sip:q1.example.org;lr>"));

    private static final AtomicInteger BRANCHES = new AtomicInteger();

    private CallMessages() {
    }

    /** A UDP flow from a phone on this loopback port to our listen address. */
    static Flow flowFrom(int port) {
        return new Flow(TransportType.UDP, RecordingTransport.LISTEN.address(), new InetSocketAddress("127.0.0.1", port), 0);
    }

    /** alice's initial INVITE, with this SDP offer or none. */
    static SipRequest invite(String sdp) {
        MessageBuilder b = MessageBuilder.request("INVITE", "sip:bob@example.com")
                .header(HeaderName.VIA, via(5070))
                .header(HeaderName.RECORD_ROUTE, EDGE)
                .header(HeaderName.MAX_FORWARDS, "70")
                .header(HeaderName.FROM, ALICE + ";tag=" + ALICE_TAG)
                .header(HeaderName.TO, BOB)
                .header(HeaderName.CALL_ID, CALL_ID)
                .header(HeaderName.CSEQ, INVITE_CSEQ + " INVITE")
                .header(HeaderName.CONTACT, "<" + ALICE_CONTACT + ">");
        return withSdp(b, sdp).buildRequest();
    }

    /** A callee's response to the INVITE: with its tag, and with its Contact and Record-Route unless a failure. */
    static SipResponse answer(SipRequest invite, int code, Callee callee, String sdp) {
        MessageBuilder b = MessageBuilder.replyTo(invite, code, null, callee.tag());
        if (code < 300) {
            b.header(HeaderName.CONTACT, "<" + callee.contact() + ">");
            b.header(HeaderName.RECORD_ROUTE, String.join(", ", callee.recordRoutes()));
        }
        return withSdp(b, sdp).buildResponse();
    }

    /** A provisional response without a To tag (no early dialog yet). */
    static SipResponse untagged(SipRequest invite, int code) {
        return MessageBuilder.replyTo(invite, code, null, null).buildResponse();
    }

    /** A response to a request inside the dialog, with this Contact (or none) and SDP (or none). */
    static SipResponse reply(SipRequest request, int code, String contact, String sdp) {
        MessageBuilder b = MessageBuilder.replyTo(request, code, null, null);
        if (contact != null) b.header(HeaderName.CONTACT, "<" + contact + ">");
        return withSdp(b, sdp).buildResponse();
    }

    /** A request alice sends inside the dialog she has with the callee of this tag. */
    static MessageBuilder fromAlice(String method, long cseq, String calleeTag) {
        return inDialog(method, BOB_A.contact(), 5070, ALICE + ";tag=" + ALICE_TAG, BOB + ";tag=" + calleeTag, cseq);
    }

    /** A request the callee of this tag sends inside its dialog with alice. */
    static MessageBuilder fromBob(String method, long cseq, String calleeTag) {
        return inDialog(method, ALICE_CONTACT, 5080, BOB + ";tag=" + calleeTag, ALICE + ";tag=" + ALICE_TAG, cseq);
    }

    private static MessageBuilder inDialog(String method, String target, int viaPort, String from, String to, long cseq) {
        return MessageBuilder.request(method, target)
                .header(HeaderName.VIA, via(viaPort))
                .header(HeaderName.MAX_FORWARDS, "70")
                .header(HeaderName.FROM, from)
                .header(HeaderName.TO, to)
                .header(HeaderName.CALL_ID, CALL_ID)
                .header(HeaderName.CSEQ, cseq + " " + method);
    }

    /** alice's ACK for a 2xx: the number of the INVITE it answers, with an SDP (late offer's answer) or none. */
    static SipRequest ack(long inviteCseq, String calleeTag, String sdp) {
        return withSdp(fromAlice("ACK", inviteCseq, calleeTag), sdp).buildRequest();
    }

    static MessageBuilder withSdp(MessageBuilder b, String sdp) {
        return sdp == null ? b : b.body(sdp.getBytes(StandardCharsets.UTF_8), SDP_TYPE);
    }

    /** A small SDP that tells whose it is and which version it is. */
    static String sdp(String owner, int version) {
        return "v=0\r\no=" + owner + " 1 " + version + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + (4000 + version * 2) + " RTP/AVP 0\r\n";
    }

    private static String via(int port) {
        return "SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + BRANCHES.incrementAndGet();
    }
}
