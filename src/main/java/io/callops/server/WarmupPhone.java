package io.callops.server;

import io.callops.sip.ParseResult;
import io.callops.sip.SipParser;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Caller and callee of the warm-up calls on one loopback UDP socket, driven by one thread:
 * keeps a window of calls in progress through the proxy until the requested number has
 * ended. A call that stops making progress is counted as failed and forgotten, so a lost
 * datagram can never hold the start of the proxy.
 */
final class WarmupPhone implements AutoCloseable {
    /** A call with no progress for this long is given up. */
    private static final long STALL_NANOS = 3_000_000_000L;

    private final DatagramSocket socket;
    private final InetSocketAddress proxy;
    private final WarmupMessages messages;
    private final SipParser parser = new SipParser();
    private final byte[] buffer = new byte[65536];
    private final Map<String, Long> started = new HashMap<>();
    private long completed;
    private long failed;

    WarmupPhone(InetSocketAddress proxy) {
        this.proxy = proxy;
        try {
            socket = new DatagramSocket(new InetSocketAddress(proxy.getAddress(), 0));
            socket.setReceiveBufferSize(4 << 20);
            socket.setSendBufferSize(4 << 20);
            socket.setSoTimeout(20);
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up socket: " + e.getMessage(), e);
        }
        messages = new WarmupMessages(proxy.getAddress().getHostAddress(), socket.getLocalPort(),
                proxy.getAddress().getHostAddress() + ":" + proxy.getPort());
    }

    int port() {
        return socket.getLocalPort();
    }

    int proxyPort() {
        return proxy.getPort();
    }

    long completed() {
        return completed;
    }

    long failed() {
        return failed;
    }

    /** Places {@code calls} calls, at most {@code window} at a time, until done or {@code deadlineNanos}. */
    void run(long calls, int window, long deadlineNanos) throws IOException {
        long next = 0;
        long lastSweep = System.nanoTime();
        while (completed + failed < calls) {
            long now = System.nanoTime();
            if (now - deadlineNanos > 0) {
                failed += started.size() + (calls - next);
                return;
            }
            while (started.size() < window && next < calls) {
                String callId = "warmup-" + next + "@" + proxy.getAddress().getHostAddress();
                started.put(callId, now);
                send(messages.invite(callId, next));
                next++;
            }
            receiveOne();
            if (now - lastSweep > 500_000_000L) {
                giveUpStalled(now);
                lastSweep = now;
            }
        }
    }

    private void receiveOne() throws IOException {
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return;
        }
        ParseResult r = parser.parse(p.getData(), p.getOffset(), p.getLength());
        if (!(r instanceof ParseResult.Success ok)) {
            return;
        }
        if (ok.message() instanceof SipRequest req) {
            onRequest(req);
        } else {
            onResponse((SipResponse) ok.message());
        }
    }

    /** The callee's side: answer INVITEs (again when retransmitted) and BYEs. */
    private void onRequest(SipRequest req) throws IOException {
        switch (req.method()) {
            case "INVITE" -> {
                String tag = "e" + req.callId().hashCode();
                send(messages.answer(req, 180, tag));
                send(messages.answer(req, 200, tag));
            }
            case "BYE" -> send(messages.ok(req));
            default -> { } // ACK ends the callee's INVITE transaction; nothing else is expected
        }
    }

    /** The caller's side: ACK and hang up on the 200 of the INVITE; the 200 of the BYE ends the call. */
    private void onResponse(SipResponse resp) throws IOException {
        String callId = resp.callId();
        if (callId == null || !started.containsKey(callId)) {
            return; // a retransmission of an ended call
        }
        long n = callNumber(callId);
        if (resp.statusCode() < 200) {
            return;
        }
        if (resp.statusCode() >= 300) {
            if ("INVITE".equals(resp.cseqMethod()) || "BYE".equals(resp.cseqMethod())) {
                started.remove(callId);
                failed++;
            }
            return;
        }
        if ("INVITE".equals(resp.cseqMethod())) {
            started.put(callId, System.nanoTime());
            send(messages.inDialog(resp, "ACK", n, 2));
            send(messages.inDialog(resp, "BYE", n, 3));
        } else if ("BYE".equals(resp.cseqMethod())) {
            started.remove(callId);
            completed++;
        }
    }

    private static long callNumber(String callId) {
        int dash = callId.indexOf('-');
        int at = callId.indexOf('@');
        return Long.parseLong(callId, dash + 1, at, 10);
    }

    private void giveUpStalled(long now) {
        for (Iterator<Long> it = started.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > STALL_NANOS) {
                it.remove();
                failed++;
            }
        }
    }

    private void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, proxy));
    }

    @Override
    public void close() {
        socket.close();
    }
}
