package io.callops.server;

import io.callops.sip.ParseResult;
import io.callops.sip.SipParser;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Callers and callee of the warm-up calls on loopback UDP sockets, driven by one thread:
 * keeps a window of calls in progress through the proxy until the requested number has
 * ended. A call that stops making progress is counted as failed and forgotten, so a lost
 * datagram can never hold the start of the proxy.
 *
 * <p>The callers use several sockets. The proxy's UDP port is one socket per I/O thread
 * (SO_REUSEPORT) and the kernel picks the socket by the sender's address: from one address,
 * one I/O thread would read everything, and the first datagram another thread reads under
 * real traffic would take code paths (its first thread-local buffers) that the compiled code
 * never saw, which throws that code away.
 */
final class WarmupPhone implements AutoCloseable {
    /** A call with no progress for this long is given up. */
    private static final long STALL_NANOS = 3_000_000_000L;
    /**
     * How long a call stays established before its BYE. Real calls last: the dialog store's
     * rounds then find them confirmed and encode them, and a call hung up at once would leave
     * that path to be compiled under the first real load.
     */
    private static final long HOLD_NANOS = 30_000_000L;

    private final DatagramChannel callee;
    private final DatagramChannel[] callers;
    private final Selector selector;
    private final InetSocketAddress proxy;
    private final WarmupMessages messages;
    private final SipParser parser = new SipParser();
    private final ByteBuffer buffer = ByteBuffer.allocate(65536);
    private final Map<String, Long> started = new HashMap<>();
    /** BYEs of established calls, in the order they are due (every call holds as long). */
    private final ArrayDeque<HeldBye> held = new ArrayDeque<>();
    private long completed;
    private long failed;
    private long next; // number of the next call placed

    /** @param callerSockets how many sockets the callers' calls are spread over (at least 1) */
    WarmupPhone(InetSocketAddress proxy, int callerSockets) {
        this.proxy = proxy;
        try {
            selector = Selector.open();
            callee = open(proxy);
            callers = new DatagramChannel[Math.max(1, callerSockets)];
            int[] ports = new int[callers.length];
            for (int i = 0; i < callers.length; i++) {
                callers[i] = open(proxy);
                ports[i] = ((InetSocketAddress) callers[i].getLocalAddress()).getPort();
            }
            messages = new WarmupMessages(proxy.getAddress().getHostAddress(), port(), ports,
                    proxy.getAddress().getHostAddress() + ":" + proxy.getPort());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("warm-up socket: " + e.getMessage(), e);
        }
    }

    private DatagramChannel open(InetSocketAddress near) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        ch.bind(new InetSocketAddress(near.getAddress(), 0));
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ);
        return ch;
    }

    /** The callee's port, where the warm-up route sends the calls. */
    int port() {
        try {
            return ((InetSocketAddress) callee.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * Places {@code calls} more calls, at most {@code window} at a time, until they are done or
     * {@code deadlineNanos}; may be called again for more.
     */
    void run(long calls, int window, long deadlineNanos) throws IOException {
        long end = next + calls;
        long goal = completed + failed + calls;
        long lastSweep = System.nanoTime();
        while (completed + failed < goal) {
            long now = System.nanoTime();
            if (now - deadlineNanos > 0) {
                failed += started.size() + (end - next);
                started.clear();
                held.clear();
                next = end;
                return;
            }
            sendDueByes(now);
            // Calls on hold wait for nothing from the proxy: the window counts the others.
            while (started.size() - held.size() < window && next < end) {
                String callId = "warmup-" + next + "@" + proxy.getAddress().getHostAddress();
                started.put(callId, now);
                send(caller(next), messages.invite(callId, next));
                next++;
            }
            receiveAvailable();
            if (now - lastSweep > 500_000_000L) {
                giveUpStalled(now);
                lastSweep = now;
            }
        }
    }

    /** Handles what arrived on any socket, waiting briefly when nothing has. */
    private void receiveAvailable() throws IOException {
        long waitMs = 20;
        HeldBye first = held.peekFirst();
        if (first != null) {
            waitMs = Math.max(1, Math.min(waitMs, (first.dueNanos() - System.nanoTime()) / 1_000_000));
        }
        if (selector.select(waitMs) == 0) {
            return;
        }
        for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            DatagramChannel ch = (DatagramChannel) it.next().channel();
            it.remove();
            while (true) {
                buffer.clear();
                if (ch.receive(buffer) == null) {
                    break;
                }
                ParseResult r = parser.parse(buffer.array(), 0, buffer.position());
                if (!(r instanceof ParseResult.Success ok)) {
                    continue;
                }
                if (ok.message() instanceof SipRequest req) {
                    onRequest(req);
                } else {
                    onResponse((SipResponse) ok.message());
                }
            }
        }
    }

    /** The callee's side: answer INVITEs (again when retransmitted) and BYEs. */
    private void onRequest(SipRequest req) throws IOException {
        switch (req.method()) {
            case "INVITE" -> {
                int hash = req.callId().hashCode();
                String tag = "e" + hash;
                if ((hash & 2) != 0) {
                    // Half the calls get a 100 from the callee first: the proxy absorbs it, a
                    // path that real callees take on most calls.
                    send(callee, messages.trying(req));
                }
                send(callee, messages.answer(req, 180, tag));
                send(callee, messages.answer(req, 200, tag));
            }
            case "BYE" -> send(callee, messages.ok(req));
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
            send(caller(n), messages.inDialog(resp, "ACK", n, 2));
            held.addLast(new HeldBye(System.nanoTime() + HOLD_NANOS, n, messages.inDialog(resp, "BYE", n, 3)));
        } else if ("BYE".equals(resp.cseqMethod())) {
            started.remove(callId);
            completed++;
        }
    }

    private record HeldBye(long dueNanos, long call, byte[] bye) {}

    private void sendDueByes(long now) throws IOException {
        HeldBye h;
        while ((h = held.peekFirst()) != null && now - h.dueNanos() >= 0) {
            held.removeFirst();
            send(caller(h.call()), h.bye());
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

    private DatagramChannel caller(long n) {
        return callers[(int) (n % callers.length)];
    }

    private void send(DatagramChannel from, byte[] bytes) throws IOException {
        from.send(ByteBuffer.wrap(bytes), proxy);
    }

    @Override
    public void close() {
        closeQuietly(selector);
        closeQuietly(callee);
        if (callers != null) {
            for (DatagramChannel ch : callers) {
                closeQuietly(ch);
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do: a loopback socket of a finished warm-up
        }
    }
}
