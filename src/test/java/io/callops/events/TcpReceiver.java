package io.callops.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP event subscriber on a free loopback port that accepts connections and either reads
 * everything into one buffer, or (a stuck subscriber) never reads at all.
 */
final class TcpReceiver implements AutoCloseable {
    private final ServerSocket server;
    private final boolean reads;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TcpReceiver(boolean reads) throws IOException {
        this.reads = reads;
        server = new ServerSocket();
        if (!reads) {
            // A small window, so that a few events fill what the network would hold for us.
            server.setReceiveBufferSize(4096);
        }
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "test-tcp-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TcpReceiver reading() throws IOException {
        return new TcpReceiver(true);
    }

    static TcpReceiver neverReading() throws IOException {
        return new TcpReceiver(false);
    }

    String socketText() {
        return "tcp:127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.add(s);
                if (reads) {
                    Thread t = new Thread(() -> readAll(s), "test-tcp-reader");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void readAll(Socket s) {
        byte[] buf = new byte[8192];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (received) {
                    received.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    String text() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until at least {@code length} characters arrived; returns what arrived. */
    String awaitLength(int length, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (text().length() < length && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return text();
    }

    int connections() {
        return accepted.size();
    }

    /** Closes the connections made so far (the server keeps listening). */
    void dropConnections() throws IOException {
        for (Socket s : accepted) {
            s.close();
        }
        accepted.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
