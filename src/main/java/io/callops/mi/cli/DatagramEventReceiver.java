package io.callops.mi.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The UDP socket events are delivered to: one datagram is one event, a JSON-RPC notification
 * (the OpenSIPS event_datagram format). Each is handed out as one line of text.
 */
final class DatagramEventReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_535;
    /** Room for bursts while the thread is busy renewing subscriptions over HTTP. */
    private static final int RECEIVE_BUFFER = 1 << 20;

    private final DatagramSocket socket;
    private final byte[] buffer = new byte[MAX_DATAGRAM];

    private DatagramEventReceiver(DatagramSocket socket) {
        this.socket = socket;
    }

    /** @param port 0 for any free port */
    static DatagramEventReceiver bind(InetAddress address, int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port));
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        return new DatagramEventReceiver(socket);
    }

    /** The socket as event_subscribe wants it: {@code udp:IP:PORT} ({@code udp:[IPv6]:PORT}). */
    String socketUri() {
        InetAddress a = socket.getLocalAddress();
        String host = a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return "udp:" + host + ":" + socket.getLocalPort();
    }

    /**
     * Waits up to {@code waitMillis} for the next event.
     *
     * @return the event as one line, or empty when none came in time or what came was not a JSON
     *         object (told to {@code warn}, so a stray datagram neither stops nor counts)
     */
    Optional<String> next(int waitMillis, Consumer<String> warn) throws IOException {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(Math.max(1, waitMillis));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        String text = new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            warn.accept("ignored a datagram from " + packet.getSocketAddress() + " that is not a JSON object ("
                    + packet.getLength() + " bytes)");
            return Optional.empty();
        }
        // Printed as sent, not re-encoded, so numbers and escapes stay exactly as the proxy wrote
        // them. Line breaks in valid JSON can only be blanks between tokens, so folding them into
        // spaces keeps one event per line without changing its meaning.
        return Optional.of(text.strip().replaceAll("[\r\n]+", " "));
    }

    @Override
    public void close() {
        socket.close();
    }
}
