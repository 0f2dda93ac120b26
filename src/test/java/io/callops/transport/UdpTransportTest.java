package io.callops.transport;

import static io.callops.transport.TransportFixtures.bytes;
import static io.callops.transport.TransportFixtures.okFor;
import static io.callops.transport.TransportFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.SipMessage;
import io.callops.sip.SipRequest;
import io.callops.transport.TransportFixtures.Inbound;
import io.callops.transport.TransportFixtures.RecordingHandler;
import io.callops.transport.TransportFixtures.SendCapture;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpTransportTest {
    private final RecordingHandler handler = new RecordingHandler();
    private NettySipTransport transport;
    private DatagramSocket phone;
    private InetSocketAddress server;

    @BeforeEach
    void setUp() throws Exception {
        transport = TransportFixtures.start(handler, "udp:127.0.0.1:0");
        server = transport.localFor(TransportType.UDP).address();
        phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        phone.setSoTimeout(5000);
    }

    @AfterEach
    void tearDown() {
        phone.close();
        transport.close();
    }

    private void sendFromPhone(byte[] b) throws Exception {
        phone.send(new DatagramPacket(b, b.length, server));
    }

    private byte[] receiveOnPhone() throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65_536], 65_536);
        phone.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    @Test
    void deliversARequestWithItsFlowAndSendsTheReplyBackOnIt() throws Exception {
        assertThat(server.getPort()).isPositive();
        sendFromPhone(bytes(options("udp-1", 0)));

        Inbound in = handler.next();
        assertThat(in.message()).isInstanceOf(SipRequest.class);
        assertThat(((SipRequest) in.message()).method()).isEqualTo("OPTIONS");
        assertThat(in.flow()).isEqualTo(new Flow(TransportType.UDP, server,
                (InetSocketAddress) phone.getLocalSocketAddress(), 0));

        byte[] reply = bytes(okFor("udp-1"));
        SendCapture sent = new SendCapture();
        transport.send(in.flow(), reply, sent);
        assertThat(receiveOnPhone()).isEqualTo(reply);
        SendCapture.Outcome outcome = sent.await();
        assertThat(outcome.error()).isNull();
        assertThat(outcome.flow()).isEqualTo(in.flow());
        assertThat(transport.stats().messagesSent()).isEqualTo(1);
    }

    @Test
    void aPeersMessagesAndOurAnswersOnTheSocketsLoopShareOneFlow() throws Exception {
        // Answers sent from the I/O thread, as the proxy's workers do.
        java.util.concurrent.BlockingQueue<Flow[]> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        NettySipTransport[] self = new NettySipTransport[1];
        InboundHandler answering = new InboundHandler() {
            @Override
            public void onMessage(SipMessage message, Flow flow) {
                String callId = message.callId();
                self[0].send(flow, bytes(okFor(callId)), (sentOn, error) -> seen.add(new Flow[] {flow, sentOn}));
            }

            @Override
            public void onUnparseable(io.callops.sip.ParseResult.Failure failure, Flow flow, int size) {
            }
        };
        try (NettySipTransport t = TransportFixtures.start(answering, "udp:127.0.0.1:0")) {
            self[0] = t;
            InetSocketAddress to = t.localFor(TransportType.UDP).address();
            for (String id : new String[] {"share-1", "share-2"}) {
                byte[] b = bytes(options(id, 0));
                phone.send(new DatagramPacket(b, b.length, to));
                assertThat(new String(receiveOnPhone(), java.nio.charset.StandardCharsets.UTF_8)).contains(id);
            }
            Flow[] first = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            Flow[] second = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(first[0]).isEqualTo(new Flow(TransportType.UDP, to, (InetSocketAddress) phone.getLocalSocketAddress(), 0));
            assertThat(second[0]).isSameAs(first[0]);
            assertThat(first[1]).isSameAs(first[0]);
            assertThat(second[1]).isSameAs(first[0]);
        }
    }

    @Test
    void sendsToAnAddressFromTheFirstUdpSocket() throws Exception {
        byte[] request = bytes(options("udp-out", 0));
        InetSocketAddress dest = (InetSocketAddress) phone.getLocalSocketAddress();
        SendCapture sent = new SendCapture();
        transport.send(TransportType.UDP, dest, request, sent);
        DatagramPacket p = new DatagramPacket(new byte[65_536], 65_536);
        phone.receive(p);
        assertThat(Arrays.copyOf(p.getData(), p.getLength())).isEqualTo(request);
        assertThat(p.getSocketAddress()).isEqualTo(server); // replies come from the listen socket
        assertThat(sent.await().flow()).isEqualTo(new Flow(TransportType.UDP, server, dest, 0));
    }

    @Test
    void aSixtyKibMessageArrivesWhole() throws Exception {
        byte[] big = bytes(options("udp-big", 60 * 1024));
        assertThat(big.length).isGreaterThan(60 * 1024);
        sendFromPhone(big);
        SipMessage m = handler.nextMessage();
        assertThat(m.bodyLength()).isEqualTo(60 * 1024);
        assertThat(m.toBytes()).isEqualTo(big);
    }

    @Test
    void garbageIsReportedAsUnparseableAndTheSocketKeepsWorking() throws Exception {
        byte[] garbage = {0x16, 0x03, 0x01, 0x00, (byte) 0xff, 0x7f, '\n', 0, 1, 2};
        sendFromPhone(garbage);
        Inbound first = handler.next();
        assertThat(first.failure()).isNotNull();
        assertThat(first.failure().partial()).isNull();
        assertThat(first.size()).isEqualTo(garbage.length);

        String badLength = options("udp-bad", 0).replace("Content-Length: 0", "Content-Length: many");
        sendFromPhone(bytes(badLength));
        Inbound second = handler.next();
        assertThat(second.failure()).isNotNull();
        assertThat(second.failure().partial()).as("headers were readable, so a 400 can be sent").isNotNull();
        assertThat(second.failure().partial().callId()).isEqualTo("udp-bad");

        sendFromPhone(bytes(options("udp-after", 0)));
        assertThat(handler.nextMessage().callId()).isEqualTo("udp-after");
        assertThat(transport.stats().parseFailures()).isEqualTo(2);
        assertThat(transport.stats().internalErrors()).isZero();
    }

    @Test
    void crlfKeepAlivesAreIgnored() throws Exception {
        sendFromPhone(bytes("\r\n\r\n"));
        sendFromPhone(bytes("\r\n"));
        sendFromPhone(bytes(options("udp-after-ping", 0)));
        assertThat(handler.nextMessage().callId()).isEqualTo("udp-after-ping");
        assertThat(handler.events).isEmpty();
        assertThat(transport.stats().datagramsReceived()).isEqualTo(3);
    }

    @Test
    void aMessageTooLargeForADatagramFailsSoTheCallerCanUseTcp() throws Exception {
        SendCapture sent = new SendCapture();
        transport.send(TransportType.UDP, (InetSocketAddress) phone.getLocalSocketAddress(), new byte[65_508], sent);
        SendCapture.Outcome outcome = sent.await();
        assertThat(outcome.flow()).isNull();
        assertThat(outcome.error()).isInstanceOf(MessageTooLargeException.class);
        assertThat(transport.stats().sendErrors()).isEqualTo(1);
    }

    @Test
    void unresolvedDestinationsAreRefusedRatherThanLookedUp() throws Exception {
        SendCapture sent = new SendCapture();
        transport.send(TransportType.UDP, InetSocketAddress.createUnresolved("example.com", 5060), new byte[10], sent);
        assertThat(sent.await().error()).isInstanceOf(IllegalArgumentException.class);
    }
}
