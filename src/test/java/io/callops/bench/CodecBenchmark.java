package io.callops.bench;

import io.callops.sip.HeaderName;
import io.callops.sip.ParseResult;
import io.callops.sip.RequestValidator;
import io.callops.sip.SipMessage;
import io.callops.sip.SipParser;
import io.callops.sip.SipStreamFramer;
import io.callops.sip.StreamFrame;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the codec costs per message on the proxy's hot path: parse and read the fields a
 * stateful proxy needs to match transactions and route (RFC 3261 §16, §17), and the per-hop
 * edit (§16.6: Via added, Route popped, Max-Forwards decremented), and the checks of §16.3 on a
 * request and of §16.7 on a response relayed back. Run with {@code bench/codec};
 * the name ends in Benchmark so the unit-test suite never picks it up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    /** A typical INVITE from a UA behind one proxy, with SDP offer: about 900 bytes. */
    static final String INVITE =
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP proxy1.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=192.0.2.10\r\n"
            + "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.101\r\n"
            + "Max-Forwards: 69\r\n"
            + "Route: <sip:proxy2.biloxi.example.com;lr>, <sip:proxy3.biloxi.example.com;lr>\r\n"
            + "To: Bob <sip:bob@biloxi.example.com>\r\n"
            + "From: \"Alice A.\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:alice@pc33.atlanta.example.com:5060;transport=udp>\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n"
            + "Supported: replaces, timer, 100rel\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 224\r\n"
            + "\r\n"
            + io.callops.sip.SampleMessages.SDP;

    /** Bob's answer on its way back through the proxy: about 830 bytes. */
    static final String OK =
            "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP proxy2.biloxi.example.com:5060;branch=z9hG4bK4b43c2ff8.1;received=192.0.2.20\r\n"
            + "Via: SIP/2.0/UDP proxy1.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=192.0.2.10\r\n"
            + "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.101\r\n"
            + "Record-Route: <sip:proxy2.biloxi.example.com;lr>, <sip:proxy1.atlanta.example.com;lr>\r\n"
            + "To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r\n"
            + "From: \"Alice A.\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:bob@192.0.2.4>\r\n"
            + "Supported: replaces, timer\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 141\r\n"
            + "\r\n"
            + "v=0\r\n"
            + "o=bob 2808844564 2808844564 IN IP4 192.0.2.4\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.4\r\n"
            + "t=0 0\r\n"
            + "m=audio 3456 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=sendrecv\r\n";

    private static final String OUR_VIA =
            "SIP/2.0/UDP proxy2.biloxi.example.com:5060;branch=z9hG4bK4b43c2ff8.1";

    byte[] invite;
    byte[] ok;
    SipParser parser;
    RequestValidator validator;
    SipStreamFramer framer;
    byte[] framed;
    Consumer<StreamFrame> sink;

    @Setup
    public void setup() {
        invite = INVITE.getBytes(StandardCharsets.UTF_8);
        ok = OK.getBytes(StandardCharsets.UTF_8);
        parser = new SipParser();
        validator = new RequestValidator(Set.of());
        framer = new SipStreamFramer();
        sink = f -> framed = ((StreamFrame.Message) f).bytes();
        // Fail fast if the samples ever stop parsing: a benchmark of the error path is useless.
        for (byte[] m : new byte[][] {invite, ok}) {
            if (!(parser.parse(m) instanceof ParseResult.Success)) {
                throw new IllegalStateException("benchmark message does not parse");
            }
        }
    }

    private static SipMessage message(ParseResult r) {
        return ((ParseResult.Success) r).message();
    }

    /** The fields a transaction-stateful proxy reads from every message. */
    private static void readHotHeaders(SipMessage m, Blackhole bh) {
        bh.consume(m.topViaBranch());
        bh.consume(m.fromTag());
        bh.consume(m.toTag());
        bh.consume(m.callId());
        bh.consume(m.cseqNumber());
        bh.consume(m.cseqMethod());
        bh.consume(m.firstValue(HeaderName.ROUTE));
        bh.consume(m.maxForwards());
        bh.consume(m.contentLength());
    }

    @Benchmark
    public void parseInviteHotHeaders(Blackhole bh) {
        readHotHeaders(message(parser.parse(invite)), bh);
    }

    @Benchmark
    public void parse200HotHeaders(Blackhole bh) {
        readHotHeaders(message(parser.parse(ok)), bh);
    }

    @Benchmark
    public void frameAndParseInvite(Blackhole bh) {
        framer.feed(invite, 0, invite.length, sink);
        readHotHeaders(message(parser.parse(framed)), bh);
    }

    @Benchmark
    public byte[] parseEditWriteInvite() {
        SipMessage m = message(parser.parse(invite));
        m.addFirst(HeaderName.VIA, OUR_VIA);
        m.removeFirstValue(HeaderName.ROUTE);
        m.setHeader(HeaderName.MAX_FORWARDS, Integer.toString(m.maxForwards() - 1));
        return m.toBytes();
    }

    /** §16.3 on an INVITE: what every request goes through before routing. */
    @Benchmark
    public Object parseAndCheckInvite() {
        SipMessage m = message(parser.parse(invite));
        return validator.checkRequest((io.callops.sip.SipRequest) m, false);
    }

    /** A 200 on its way back: checked (§16.7), the proxy's own Via removed, written out. */
    @Benchmark
    public byte[] parseCheckRelay200() {
        SipMessage m = message(parser.parse(ok));
        validator.checkResponse((io.callops.sip.SipResponse) m);
        m.removeFirstValue(HeaderName.VIA);
        return m.toBytes();
    }
}
