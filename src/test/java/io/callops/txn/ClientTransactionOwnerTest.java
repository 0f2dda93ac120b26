package io.callops.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.ParseResult;
import io.callops.sip.SipMessage;
import io.callops.sip.SipParser;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;
import io.callops.transport.ListenAddress;
import io.callops.transport.SendResult;
import io.callops.transport.SipTransport;
import io.callops.transport.TransportType;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A client transaction lets its owner go as soon as nothing more can reach it (Completed:
 * retransmissions are absorbed), so the owner's request and branches do not linger for timer
 * D or K; in Accepted it keeps the owner, which forwards 2xx retransmissions upstream.
 */
class ClientTransactionOwnerTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 5070);
    private static final Flow FROM_BOB = new Flow(TransportType.UDP, LOCAL, BOB, -1);

    private final List<byte[]> sent = new ArrayList<>();
    private final TransactionLayer layer = new TransactionLayer(new ImmediateWorker(), new KeepingTransport(sent),
            TimerSettings.DEFAULT, new TxnStats());
    private final List<String> heard = new ArrayList<>();

    @Test
    void aByeAnsweredLetsItsOwnerGo() {
        ClientTransaction ct = send("BYE");
        layer.onResponse(response(200, "BYE"), FROM_BOB);
        assertThat(heard).containsExactly("final 200");
        assertThat(ct.holdsOwner()).isFalse();
        layer.onResponse(response(200, "BYE"), FROM_BOB); // a retransmission is absorbed
        assertThat(heard).containsExactly("final 200");
    }

    @Test
    void anInviteRefusedLetsItsOwnerGoAndStillRepeatsItsAck() {
        ClientTransaction ct = send("INVITE");
        layer.onResponse(response(486, "INVITE"), FROM_BOB);
        assertThat(ct.holdsOwner()).isFalse();
        int before = sent.size();
        layer.onResponse(response(486, "INVITE"), FROM_BOB);
        assertThat(sent).hasSize(before + 1);
        assertThat(new String(sent.get(before), StandardCharsets.UTF_8)).startsWith("ACK ");
        assertThat(heard).containsExactly("final 486");
    }

    @Test
    void anInviteAcceptedKeepsItsOwnerForTheRetransmitted2xx() {
        ClientTransaction ct = send("INVITE");
        layer.onResponse(response(200, "INVITE"), FROM_BOB);
        assertThat(ct.holdsOwner()).isTrue();
        layer.onResponse(response(200, "INVITE"), FROM_BOB);
        assertThat(heard).containsExactly("final 200", "2xx again 200");
    }

    private ClientTransaction send(String method) {
        SipRequest request = (SipRequest) parse(method + " sip:bob@127.0.0.1:5070 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKowner1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: owner-test\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n");
        return layer.sendRequest(request, Destination.of(TransportType.UDP, BOB), new ClientTransactionListener() {
            @Override
            public void onProvisional(ClientTransaction transaction, SipResponse response) {
                heard.add("provisional " + response.statusCode());
            }

            @Override
            public void onFinal(ClientTransaction transaction, SipResponse response) {
                heard.add("final " + response.statusCode());
            }

            @Override
            public void onRetransmitted2xx(ClientTransaction transaction, SipResponse response) {
                heard.add("2xx again " + response.statusCode());
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                heard.add("timeout");
            }

            @Override
            public void onTransportError(ClientTransaction transaction, Throwable error) {
                heard.add("error");
            }
        });
    }

    private static SipResponse response(int code, String method) {
        return (SipResponse) parse("SIP/2.0 " + code + " X\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKowner1\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>;tag=b1\r\n"
                + "Call-ID: owner-test\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n");
    }

    private static SipMessage parse(String text) {
        return ((ParseResult.Success) new SipParser().parse(text.getBytes(StandardCharsets.UTF_8))).message();
    }

    /** Runs tasks at once; timers never fire (the test ends long before any would). */
    private static final class ImmediateWorker implements Worker {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public TimerHandle schedule(Runnable task, long delayMs) {
            return TimerHandle.NONE;
        }

        @Override
        public boolean inWorker() {
            return true;
        }

        @Override
        public long nowMs() {
            return 0;
        }
    }

    /** Keeps what it is asked to send, and reports it sent. */
    private record KeepingTransport(List<byte[]> sent) implements SipTransport {
        @Override
        public List<ListenAddress> listenAddresses() {
            return List.of(new ListenAddress(TransportType.UDP, LOCAL));
        }

        @Override
        public ListenAddress localFor(TransportType type) {
            return listenAddresses().get(0);
        }

        @Override
        public void send(Flow flow, byte[] bytes, SendResult result) {
            sent.add(bytes);
            result.done(flow, null);
        }

        @Override
        public void send(TransportType type, InetSocketAddress destination, byte[] bytes, SendResult result) {
            sent.add(bytes);
            result.done(new Flow(type, LOCAL, destination, -1), null);
        }

        @Override
        public void close() {
        }
    }
}
