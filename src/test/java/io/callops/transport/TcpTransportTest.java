package io.callops.transport;

import static io.callops.transport.TransportFixtures.bytes;
import static io.callops.transport.TransportFixtures.closedByPeer;
import static io.callops.transport.TransportFixtures.okFor;
import static io.callops.transport.TransportFixtures.options;
import static io.callops.transport.TransportFixtures.readExactly;
import static org.assertj.core.api.Assertions.assertThat;

import io.callops.transport.TransportFixtures.Inbound;
import io.callops.transport.TransportFixtures.RecordingHandler;
import io.callops.transport.TransportFixtures.SendCapture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpTransportTest {
    private final RecordingHandler handler = new RecordingHandler();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private NettySipTransport transport;
    private InetSocketAddress server;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    private void startTransport(TransportSettings settings) {
        transport = TransportFixtures.start(settings, handler, "tcp:127.0.0.1:0");
        server = transport.localFor(TransportType.TCP).address();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getPort());
        s.setSoTimeout(5000);
        s.setTcpNoDelay(true);
        toClose.add(s);
        return s;
    }

    private ServerSocket serverSocket() throws IOException {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ss.setSoTimeout(5000);
        toClose.add(ss);
        return ss;
    }

    @Test
    void cutsTheStreamIntoMessagesWhateverTheWritesAndRepliesOnTheConnection() throws Exception {
        startTransport(TransportSettings.DEFAULT);
        Socket phone = connect();
        OutputStream out = phone.getOutputStream();
        out.write(bytes(options("tcp-1", 10) + options("tcp-2", 0)));
        out.flush();
        byte[] third = bytes(options("tcp-3", 5));
        int a = 20;
        int b = third.length - 7;
        for (int[] part : new int[][] {{0, a}, {a, b}, {b, third.length}}) {
            out.write(third, part[0], part[1] - part[0]);
            out.flush();
            Thread.sleep(30); // separate TCP segments
        }

        Inbound m1 = handler.next();
        Inbound m2 = handler.next();
        Inbound m3 = handler.next();
        assertThat(List.of(m1.message().callId(), m2.message().callId(), m3.message().callId()))
                .containsExactly("tcp-1", "tcp-2", "tcp-3");
        assertThat(m3.message().bodyText()).isEqualTo("xxxxx");
        Flow flow = m1.flow();
        assertThat(flow.transport()).isEqualTo(TransportType.TCP);
        assertThat(flow.connectionId()).isPositive();
        assertThat(flow.remote()).isEqualTo(phone.getLocalSocketAddress());
        assertThat(flow.local()).isEqualTo(server);
        assertThat(m2.flow()).isEqualTo(flow);
        assertThat(m3.flow()).isEqualTo(flow);

        byte[] reply = bytes(okFor("tcp-1"));
        SendCapture sent = new SendCapture();
        transport.send(flow, reply, sent);
        assertThat(readExactly(phone.getInputStream(), reply.length)).isEqualTo(reply);
        assertThat(sent.await()).isEqualTo(new SendCapture.Outcome(flow, null));

        // RFC 5626 §3.5.1: a CRLFCRLF ping is answered with a CRLF pong.
        out.write(bytes("\r\n\r\n"));
        out.flush();
        assertThat(readExactly(phone.getInputStream(), 2)).isEqualTo(bytes("\r\n"));
        assertThat(transport.stats().openTcpConnections()).isEqualTo(1);
    }

    @Test
    void anOversizedHeaderBlockClosesTheConnection() throws Exception {
        startTransport(TransportSettings.DEFAULT);
        Socket phone = connect();
        String start = "INVITE sip:bob@example.com SIP/2.0\r\n";
        String line = "X-Filler: " + "a".repeat(1000) + "\r\n";
        try {
            OutputStream out = phone.getOutputStream();
            out.write(bytes(start));
            for (int i = 0; i < 100; i++) { // 100 KB, beyond start line + header block limits
                out.write(bytes(line));
            }
            out.flush();
        } catch (IOException e) {
            // the transport may close while we still write
        }
        assertThat(closedByPeer(phone.getInputStream())).isTrue();
        assertThat(transport.stats().framingErrors()).isEqualTo(1);
        assertThat(handler.events).isEmpty();
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        startTransport(TransportSettings.DEFAULT.withTcpIdleTimeout(Duration.ofMillis(300)));
        Socket phone = connect();
        phone.getOutputStream().write(bytes(options("tcp-idle", 0)));
        assertThat(handler.nextMessage().callId()).isEqualTo("tcp-idle");
        long t0 = System.nanoTime();
        assertThat(closedByPeer(phone.getInputStream())).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(transport.stats().idleTimeoutCloses()).isEqualTo(1);
        waitUntilNoConnections();
    }

    @Test
    void sendingToAnAddressOpensOneConnectionAndReusesIt() throws Exception {
        startTransport(TransportSettings.DEFAULT);
        ServerSocket peer = serverSocket();
        InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
        byte[] first = bytes(options("out-1", 0));
        byte[] second = bytes(options("out-2", 3));
        byte[] third = bytes(options("out-3", 0));
        SendCapture s1 = new SendCapture();
        SendCapture s2 = new SendCapture();
        transport.send(TransportType.TCP, peerAddress, first, s1); // both while the connect is under way
        transport.send(TransportType.TCP, peerAddress, second, s2);

        Socket accepted = peer.accept();
        toClose.add(accepted);
        accepted.setSoTimeout(5000);
        InputStream in = accepted.getInputStream();
        assertThat(readExactly(in, first.length)).isEqualTo(first);
        assertThat(readExactly(in, second.length)).isEqualTo(second);
        Flow flow = s1.await().flow();
        assertThat(flow).isNotNull();
        assertThat(s2.await().flow()).isEqualTo(flow);
        assertThat(flow.remote()).isEqualTo(peerAddress);
        assertThat(flow.connectionId()).isPositive();

        SendCapture s3 = new SendCapture(); // once connected: found in the registry
        transport.send(TransportType.TCP, peerAddress, third, s3);
        assertThat(readExactly(in, third.length)).isEqualTo(third);
        assertThat(s3.await().flow()).isEqualTo(flow);
        assertThat(transport.tcpConnectionCount()).isEqualTo(1);

        // The peer's requests on that connection come in with the same flow.
        accepted.getOutputStream().write(bytes(okFor("out-1")));
        assertThat(handler.next().flow()).isEqualTo(flow);
    }

    @Test
    void sendingToAPeerThatConnectedToUsReusesItsConnection() throws Exception {
        startTransport(TransportSettings.DEFAULT);
        Socket phone = connect();
        phone.getOutputStream().write(bytes(options("reg-1", 0)));
        Flow flow = handler.next().flow();

        byte[] request = bytes(options("to-phone", 0));
        SendCapture sent = new SendCapture();
        transport.send(TransportType.TCP, flow.remote(), request, sent);
        assertThat(readExactly(phone.getInputStream(), request.length)).isEqualTo(request);
        assertThat(sent.await().flow()).isEqualTo(flow);
        assertThat(transport.tcpConnectionCount()).isEqualTo(1);
    }

    @Test
    void aFlowWhoseConnectionClosedFallsBackToANewConnection() throws Exception {
        startTransport(TransportSettings.DEFAULT);
        ServerSocket peer = serverSocket();
        InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
        Flow gone = new Flow(TransportType.TCP, server, peerAddress, 987_654);
        byte[] request = bytes(options("fallback", 0));
        SendCapture sent = new SendCapture();
        transport.send(gone, request, sent);
        Socket accepted = peer.accept();
        toClose.add(accepted);
        accepted.setSoTimeout(5000);
        assertThat(readExactly(accepted.getInputStream(), request.length)).isEqualTo(request);
        assertThat(sent.await().flow().connectionId()).isNotEqualTo(987_654L);
    }

    @Test
    void aRefusedConnectionIsReportedToTheSender() throws Exception {
        startTransport(TransportSettings.DEFAULT);
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SendCapture s1 = new SendCapture();
        SendCapture s2 = new SendCapture();
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort);
        transport.send(TransportType.TCP, nobody, bytes(options("refused", 0)), s1);
        transport.send(TransportType.TCP, nobody, bytes(options("refused-2", 0)), s2);
        assertThat(s1.await().flow()).isNull();
        assertThat(s1.await().error()).isInstanceOf(ConnectException.class);
        assertThat(s2.await().error()).isNotNull();
        assertThat(transport.stats().sendErrors()).isEqualTo(2);
        assertThat(transport.tcpConnectionCount()).isZero();
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        startTransport(TransportSettings.DEFAULT.withMaxTcpConnections(1));
        Socket first = connect();
        first.getOutputStream().write(bytes(options("first", 0)));
        assertThat(handler.nextMessage().callId()).isEqualTo("first");
        Socket second = connect();
        assertThat(closedByPeer(second.getInputStream())).isTrue();
        assertThat(transport.stats().rejectedTcpConnections()).isEqualTo(1);
        first.getOutputStream().write(bytes(options("first-again", 0)));
        assertThat(handler.nextMessage().callId()).isEqualTo("first-again");
    }

    private void waitUntilNoConnections() throws InterruptedException {
        for (int i = 0; i < 100 && transport.tcpConnectionCount() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(transport.tcpConnectionCount()).isZero();
        assertThat(transport.stats().openTcpConnections()).isZero();
    }
}
