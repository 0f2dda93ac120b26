package io.callops.mi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JSON-RPC MI that serves only {@code event_subscribe} (params {@code event}, {@code socket},
 * {@code expire}; result {@code "OK"}, 400 {@code Bad parameter value} for events it does not
 * know), records every call, and sends events to subscribed sockets when the test says so.
 */
final class RecordingEventMi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JSON-RPC request as received. */
    record Call(String method, JsonNode params) {
        String event() {
            return params.path("event").asText();
        }

        String socket() {
            return params.path("socket").asText();
        }

        /** The expire as sent; -1 when absent or not a number. */
        int expire() {
            JsonNode e = params.path("expire");
            return e.isInt() ? e.asInt() : -1;
        }
    }

    private final HttpServer server;
    private final Set<String> unknownEvents;
    private final BlockingQueue<Call> pending = new LinkedBlockingQueue<>();
    private final List<Call> all = new ArrayList<>();
    private final DatagramSocket sender;

    private RecordingEventMi(Set<String> unknownEvents) throws IOException {
        this.unknownEvents = unknownEvents;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/mi", this::answer);
        this.server.start();
        this.sender = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    /** @param unknownEvents events the MI refuses as unknown */
    static RecordingEventMi start(String... unknownEvents) throws IOException {
        return new RecordingEventMi(Set.of(unknownEvents));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mi";
    }

    /** The next call not yet taken, waiting for it; fails when none comes in time. */
    Call nextCall(Duration timeout) throws InterruptedException {
        Call c = pending.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no MI call within " + timeout + "; calls so far: " + calls());
        }
        return c;
    }

    /** Every call so far, in order. */
    List<Call> calls() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Sends one datagram to a socket given as {@code udp:IP:PORT}, as the proxy delivers events. */
    void send(String socket, String payload) throws IOException {
        int colon = socket.lastIndexOf(':');
        InetAddress host = InetAddress.getByName(socket.substring("udp:".length(), colon).replace("[", "").replace("]", ""));
        byte[] b = payload.getBytes(StandardCharsets.UTF_8);
        sender.send(new DatagramPacket(b, b.length, host, Integer.parseInt(socket.substring(colon + 1))));
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Call call = new Call(request.path("method").asText(), request.path("params"));
        synchronized (all) {
            all.add(call);
        }
        pending.add(call);
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
        if (!call.method().equals("event_subscribe")) {
            reply.putObject("error").put("code", -32601).put("message", "Method not found");
        } else if (unknownEvents.contains(call.event())) {
            reply.putObject("error").put("code", 400).put("message", "Bad parameter value");
        } else {
            reply.put("result", "OK");
        }
        reply.set("id", request.path("id"));
        byte[] body = JSON.writeValueAsBytes(reply);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        sender.close();
    }
}
