package io.callops.transport;

import static io.callops.transport.TransportFixtures.bytes;
import static io.callops.transport.TransportFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.callops.transport.TransportFixtures.Inbound;
import io.callops.transport.TransportFixtures.RecordingHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever bytes arrive, the transport only ever reports messages or unparseable input, never
 * throws, and keeps serving. Inputs are raw noise or damaged real messages, which reach deeper
 * into the parser than noise does.
 */
class RandomInputProperties {
    private final RecordingHandler handler = new RecordingHandler();
    private NettySipTransport transport;
    private InetSocketAddress udp;
    private InetSocketAddress tcp;
    private DatagramSocket phone;

    @BeforeProperty
    void start() throws IOException {
        transport = TransportFixtures.start(handler, "udp:127.0.0.1:0", "tcp:127.0.0.1:0");
        udp = transport.localFor(TransportType.UDP).address();
        tcp = transport.localFor(TransportType.TCP).address();
        phone = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterProperty
    void checkStillServingAndClose() throws Exception {
        try {
            // A valid message after all the noise must still come through, on both transports.
            byte[] probe = bytes(options("after-noise", 0));
            phone.send(new DatagramPacket(probe, probe.length, udp));
            awaitMessage("after-noise");
            try (Socket s = new Socket(tcp.getAddress(), tcp.getPort())) {
                s.getOutputStream().write(bytes(options("after-noise-tcp", 0)));
                awaitMessage("after-noise-tcp");
            }
            assertThat(transport.stats().internalErrors()).isZero();
        } finally {
            phone.close();
            transport.close();
        }
    }

    private void awaitMessage(String callId) throws InterruptedException {
        while (true) {
            Inbound e = handler.events.poll(5, TimeUnit.SECONDS);
            assertThat(e).as("message %s delivered", callId).isNotNull();
            assertThat(e.message() != null || e.failure() != null).isTrue();
            if (e.message() != null && callId.equals(e.message().callId())) {
                return;
            }
        }
    }

    @Property(tries = 300)
    void randomDatagramsNeverBreakTheTransport(@ForAll("noise") byte[] datagram) throws IOException {
        phone.send(new DatagramPacket(datagram, datagram.length, udp));
    }

    @Property(tries = 150)
    void randomStreamsNeverBreakTheTransport(@ForAll("noise") byte[] first, @ForAll("noise") byte[] second)
            throws IOException {
        try (Socket s = new Socket(tcp.getAddress(), tcp.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(first);
            out.flush();
            out.write(second);
            out.flush();
        } catch (IOException e) {
            // the transport may close a connection whose framing it lost; that is fine
        }
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> sipish = Arbitraries.strings()
                .withChars("\r\n :;<>@=.\t0123456789SIPVIaZ/-,\"")
                .ofMaxLength(400)
                .map(tail -> bytes("INVITE sip:a@b SIP/2.0\r\nContent-Length: " + tail));
        Arbitrary<byte[]> damaged = Arbitraries.integers().between(0, 600).flatMap(cut ->
                Arbitraries.integers().between(0, 255).map(b -> damage(bytes(options("noise", 40)), cut, (byte) (int) b)));
        return Arbitraries.oneOf(raw, sipish, damaged);
    }

    /** A real message cut short and with one byte replaced. */
    private static byte[] damage(byte[] message, int cut, byte replacement) {
        byte[] b = java.util.Arrays.copyOf(message, Math.min(cut, message.length));
        if (b.length > 0) {
            b[(cut * 31) % b.length] = replacement;
        }
        return b;
    }
}
