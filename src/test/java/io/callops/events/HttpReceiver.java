package io.callops.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP event subscriber (the JDK's own server) on a free loopback port: records each
 * request, or (a stuck subscriber) holds every request without answering until closed.
 */
final class HttpReceiver implements AutoCloseable {
    /** One request as received. */
    record Request(String method, String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private HttpReceiver(boolean answers, int... firstStatuses) throws IOException {
        for (int s : firstStatuses) {
            statuses.add(s);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/events", exchange -> handle(exchange, answers));
        server.start();
    }

    /** Answers 204, or first the given statuses one request after the other. */
    static HttpReceiver answering(int... firstStatuses) throws IOException {
        return new HttpReceiver(true, firstStatuses);
    }

    static HttpReceiver neverAnswering() throws IOException {
        return new HttpReceiver(false);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    private void handle(HttpExchange exchange, boolean answers) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
        if (!answers) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer status = statuses.poll();
        exchange.sendResponseHeaders(status == null ? 204 : status, -1);
        exchange.close();
    }

    /** The next request, or null when none comes within {@code wait}. */
    Request next(Duration wait) throws InterruptedException {
        return requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
