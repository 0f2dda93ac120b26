package io.callops.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An outside application following calls: a UDP socket on loopback subscribed through the
 * MI ({@code event_subscribe}) to some events, collecting the JSON-RPC notifications it gets.
 */
public final class UdpEventRecorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatagramSocket socket;
    private final List<JsonNode> received = new ArrayList<>();

    private UdpEventRecorder(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds a socket and subscribes it to each event through the proxy's MI. */
    public static UdpEventRecorder subscribe(int miPort, String... events) {
        try {
            DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            UdpEventRecorder r = new UdpEventRecorder(s);
            HttpClient http = HttpClient.newHttpClient();
            for (String event : events) {
                String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"event_subscribe\",\"params\":{\"event\":\""
                        + event + "\",\"socket\":\"udp:127.0.0.1:" + s.getLocalPort() + "\"}}";
                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + miPort + "/mi"))
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode answer = JSON.readTree(resp.body());
                if (!"OK".equals(answer.path("result").asText())) {
                    s.close();
                    throw new AssertionError("event_subscribe " + event + " failed: " + resp.body());
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until {@code count} events were received in all and returns their {@code params}
     * objects in arrival order, with the event name added as {@code "event"}.
     */
    public List<JsonNode> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[65536];
        while (received.size() < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("got " + received.size() + " events of " + count + ": " + received);
            }
            try {
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                JsonNode n = JSON.readTree(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                com.fasterxml.jackson.databind.node.ObjectNode params = n.get("params").deepCopy();
                params.put("event", n.get("method").asText());
                received.add(params);
            } catch (SocketTimeoutException e) {
                // loop: the deadline decides
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(received);
    }

    /** Waits a little and checks no more than {@code count} events arrived in all. */
    public List<JsonNode> awaitExactly(int count, Duration quiet) {
        List<JsonNode> got = await(count, Duration.ofSeconds(30));
        try {
            socket.setSoTimeout((int) quiet.toMillis());
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            socket.receive(p);
            throw new AssertionError("an extra event after " + got + ": "
                    + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return got;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code state/status} of each event, compact for assertions. */
    public static List<String> summary(List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            out.add(e.path("callid").asText() + "|" + e.path("leg").asText() + "|" + e.path("state").asText() + "|"
                    + e.path("status").asText());
        }
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
