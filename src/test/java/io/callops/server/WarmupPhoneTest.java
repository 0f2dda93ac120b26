package io.callops.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The warm-up phone against a minimal relay standing in for the proxy. */
class WarmupPhoneTest {
    private static final Pattern CALL_ID = Pattern.compile("(?m)^(?:Call-ID|i): *(\\S+)");
    private static final Pattern TOP_VIA_PORT = Pattern.compile("(?m)^(?:Via|v): SIP/2\\.0/UDP [0-9.]+:(\\d+)");

    /**
     * Relays requests to the callee and responses to the port of their top Via, and records
     * from which ports the INVITEs came.
     */
    private static final class Relay implements AutoCloseable, Runnable {
        final DatagramSocket socket;
        final Set<Integer> inviteSources = ConcurrentHashMap.newKeySet();
        final Set<String> callsWithTrying = ConcurrentHashMap.newKeySet();
        /** Per Call-ID, when the relay saw its ACK and its BYE (ns). */
        final Map<String, Long> ackAt = new ConcurrentHashMap<>();
        final Map<String, Long> byeAt = new ConcurrentHashMap<>();
        volatile int calleePort;
        private volatile boolean open = true;
        private final Thread thread = new Thread(this, "relay");

        Relay() throws Exception {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(50);
        }

        @Override
        public void run() {
            byte[] buf = new byte[65536];
            while (open) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    int to;
                    long now = System.nanoTime();
                    Matcher callId = CALL_ID.matcher(text);
                    String id = callId.find() ? callId.group(1) : "";
                    if (text.startsWith("SIP/2.0 100 ")) {
                        callsWithTrying.add(id);
                    } else if (text.startsWith("ACK ")) {
                        ackAt.put(id, now);
                    } else if (text.startsWith("BYE ")) {
                        byeAt.put(id, now);
                    }
                    if (text.startsWith("SIP/2.0")) {
                        Matcher m = TOP_VIA_PORT.matcher(text);
                        if (!m.find()) {
                            continue;
                        }
                        to = Integer.parseInt(m.group(1));
                    } else {
                        if (text.startsWith("INVITE")) {
                            inviteSources.add(p.getPort());
                        }
                        to = calleePort;
                    }
                    socket.send(new DatagramPacket(p.getData(), p.getLength(), InetAddress.getLoopbackAddress(), to));
                } catch (SocketTimeoutException e) {
                    // look at open again
                } catch (Exception e) {
                    if (open) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        @Override
        public void close() throws Exception {
            open = false;
            thread.join(2000);
            socket.close();
        }
    }

    @Test
    void callsAreSpreadOverTheCallerSocketsAndAllComplete() throws Exception {
        try (Relay relay = new Relay();
             WarmupPhone phone = new WarmupPhone(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                     relay.socket.getLocalPort()), 6)) {
            relay.calleePort = phone.port();
            relay.thread.start();
            phone.run(120, 16, System.nanoTime() + 20_000_000_000L);
            assertThat(phone.completed()).isEqualTo(120);
            assertThat(phone.failed()).isZero();
            assertThat(relay.inviteSources).hasSize(6).doesNotContain(phone.port());
            // Like real callees, some calls get a 100 Trying before the 180, others do not.
            assertThat(relay.callsWithTrying).hasSizeBetween(10, 110);
            // Calls stay established a while before the BYE (the store's rounds find them so).
            List<Long> holds = new ArrayList<>();
            relay.byeAt.forEach((id, bye) -> holds.add(bye - relay.ackAt.get(id)));
            Collections.sort(holds);
            assertThat(holds).hasSize(120);
            assertThat(holds.get(holds.size() / 2)).isGreaterThan(25_000_000L);
            // More calls on the same phone continue the numbering and complete too.
            phone.run(30, 16, System.nanoTime() + 20_000_000_000L);
            assertThat(phone.completed()).isEqualTo(150);
        }
    }

    @Test
    void aCallNobodyAnswersIsCountedAsFailedAtTheDeadline() throws Exception {
        try (DatagramSocket blackHole = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             WarmupPhone phone = new WarmupPhone(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                     blackHole.getLocalPort()), 2)) {
            phone.run(5, 4, System.nanoTime() + 300_000_000L);
            assertThat(phone.completed()).isZero();
            assertThat(phone.failed()).isEqualTo(5);
        }
    }
}
