package io.callops.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpText;
import java.lang.ref.WeakReference;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An ended dialog is kept for {@code dialog.linger_ms} and no longer: the transactions of its
 * INVITE and BYE linger for up to 64*T1 after the call (RFC 3261 §17, RFC 6026), and they must
 * not keep the dialog, its legs and their strings alive for that time. Two phones driven by
 * hand over UDP make a call and end it; the dialog object must then become unreachable.
 */
class EndedDialogReleaseTest {

    @Test
    void anEndedDialogIsNotHeldByTheTransactionsThatLingerAfterTheCall() throws Exception {
        String callId = "release-1";
        WeakReference<Dialog> ref;
        try (DatagramSocket bob = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket alice = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + bob.getLocalPort()),
                     "dialog.linger_ms", 0))) {
            bob.setSoTimeout(5000);
            alice.setSoTimeout(5000);
            int a = alice.getLocalPort();
            int b = bob.getLocalPort();
            UdpText.send(alice, proxy.port(), "INVITE sip:bob@127.0.0.1:" + proxy.port() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + a + ";branch=z9hG4bKrelinv;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\nContact: <sip:alice@127.0.0.1:" + a + ">\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: 9\r\n\r\nv=0\r\ns=a\n");
            String invite = UdpText.receive(bob, "INVITE ").text();
            UdpText.send(bob, proxy.port(), answerTo(invite, "200 OK", "To: <sip:bob@127.0.0.1>;tag=b1\r\n"
                    + "Contact: <sip:bob@127.0.0.1:" + b + ">\r\n"));
            UdpText.receive(alice, "SIP/2.0 200 ");
            UdpText.send(alice, proxy.port(), "ACK sip:bob@127.0.0.1:" + b + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + a + ";branch=z9hG4bKrelack;rport\r\nMax-Forwards: 70\r\n"
                    + "Route: <sip:127.0.0.1:" + proxy.port() + ";lr>\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>;tag=b1\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
            UdpText.receive(bob, "ACK ");

            Dialog dialog = proxy.server().dialogs().onCall(callId, l -> l.liveDialog(callId)).get(5, TimeUnit.SECONDS);
            assertThat(dialog).as("the call's dialog").isNotNull();
            ref = new WeakReference<>(dialog);
            dialog = null;

            UdpText.send(alice, proxy.port(), "BYE sip:bob@127.0.0.1:" + b + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + a + ";branch=z9hG4bKrelbye;rport\r\nMax-Forwards: 70\r\n"
                    + "Route: <sip:127.0.0.1:" + proxy.port() + ";lr>\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>;tag=b1\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
            String bye = UdpText.receive(bob, "BYE ").text();
            UdpText.send(bob, proxy.port(), answerTo(bye, "200 OK", "To: <sip:bob@127.0.0.1>;tag=b1\r\n"));
            UdpText.receive(alice, "SIP/2.0 200 ");

            // The proxy still runs: its transactions for this call are all lingering now.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ref.get() != null && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(ref.get()).as("the ended dialog, 10 s after the call, its transactions still lingering").isNull();
        }
    }

    /** A response to {@code request} with its Vias, From, Call-ID and CSeq, and these headers. */
    private static String answerTo(String request, String status, String headers) {
        StringBuilder r = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        request.lines().filter(l -> l.startsWith("Via:") || l.startsWith("Record-Route:") || l.startsWith("From:")
                || l.startsWith("Call-ID:") || l.startsWith("CSeq:")).forEach(l -> r.append(l).append("\r\n"));
        return r.append(headers).append("Content-Length: 0\r\n\r\n").toString();
    }
}
