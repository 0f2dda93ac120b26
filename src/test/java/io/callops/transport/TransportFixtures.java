package io.callops.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.ParseResult;
import io.callops.sip.SipMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Messages, a recording handler and helpers shared by the transport tests. */
final class TransportFixtures {
    static final Duration WAIT = Duration.ofSeconds(5);

    private TransportFixtures() {}

    /** What the transport told the handler: a message, or a failure with its size. */
    record Inbound(SipMessage message, ParseResult.Failure failure, Flow flow, int size) {}

    static final class RecordingHandler implements InboundHandler {
        final BlockingQueue<Inbound> events = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(SipMessage message, Flow flow) {
            events.add(new Inbound(message, null, flow, -1));
        }

        @Override
        public void onUnparseable(ParseResult.Failure failure, Flow flow, int size) {
            events.add(new Inbound(null, failure, flow, size));
        }

        Inbound next() throws InterruptedException {
            Inbound e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("an inbound event within %s", WAIT).isNotNull();
            return e;
        }

        SipMessage nextMessage() throws InterruptedException {
            Inbound e = next();
            assertThat(e.failure()).as("parse failure").isNull();
            return e.message();
        }
    }

    /** A send whose outcome a test can wait for. */
    static final class SendCapture implements SendResult {
        record Outcome(Flow flow, Throwable error) {}

        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

        @Override
        public void done(Flow flow, Throwable error) {
            outcome.complete(new Outcome(flow, error));
        }

        Outcome await() throws Exception {
            return outcome.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        }
    }

    static NettySipTransport start(TransportSettings settings, InboundHandler handler, String... listen) {
        NettySipTransport t = new NettySipTransport(
                java.util.Arrays.stream(listen).map(ListenAddress::parse).toList(), settings, handler);
        t.start();
        return t;
    }

    static NettySipTransport start(InboundHandler handler, String... listen) {
        return start(TransportSettings.DEFAULT, handler, listen);
    }

    /** An OPTIONS request with a body of {@code bodySize} bytes. */
    static String options(String callId, int bodySize) {
        String body = "x".repeat(bodySize);
        return "OPTIONS sip:proxy@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-" + callId + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=abc\r\n"
                + "To: <sip:proxy@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + (bodySize > 0 ? "Content-Type: text/plain\r\n" : "")
                + "Content-Length: " + bodySize + "\r\n"
                + "\r\n"
                + body;
    }

    static String okFor(String callId) {
        return "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-" + callId + ";rport=5099\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=abc\r\n"
                + "To: <sip:proxy@127.0.0.1>;tag=xyz\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads exactly {@code n} bytes or fails. */
    static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        assertThat(b.length).as("bytes read before end of stream").isEqualTo(n);
        return b;
    }

    /** True when the peer closed (EOF or reset) before the socket's read timeout. */
    static boolean closedByPeer(InputStream in) {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    static List<String> callIds(List<SipMessage> ms) {
        return ms.stream().map(SipMessage::callId).toList();
    }
}
