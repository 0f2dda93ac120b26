package io.callops.dialog;

import io.callops.proxy.BranchIds;
import io.callops.proxy.NextHop;
import io.callops.proxy.OurVia;
import io.callops.sip.HeaderName;
import io.callops.sip.MessageBuilder;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.sip.header.NameAddr;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;
import io.callops.transport.ListenAddress;
import io.callops.transport.TransportType;
import io.callops.txn.ClientTransaction;
import io.callops.txn.ClientTransactionListener;
import io.callops.txn.Destination;
import io.callops.txn.TimerHandle;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the proxy itself sends into a dialog (reference R1 to R3): built towards one leg
 * as if the other party sent them, numbered by {@link CseqNumbering}, sent on the leg's own
 * flow, 2xx to INVITE ACKed here (retransmitted 2xx ACKed again with the same CSeq) and
 * never relayed. A request waits for an INVITE transaction in progress on the dialog, and a
 * 491 to our INVITE is retried after the RFC 3261 §14.1 delay.
 */
public final class DialogRequests {
    private static final Logger log = LoggerFactory.getLogger(DialogRequests.class);

    private final DialogLayer layer;

    DialogRequests(DialogLayer layer) {
        this.layer = layer;
    }

    /** Sends a request; {@code request.done()} hears how it ended. On the dialog's worker. */
    public void send(Dialog d, OutgoingRequest request) {
        if (!d.state.confirmed()) {
            request.done().accept(RequestOutcome.local(481, "Call/Transaction Does Not Exist"));
            return;
        }
        if (mustWait(request.method()) && d.inviteInProgress()) {
            waitForInvite(d, request);
            return;
        }
        attempt(d, request, layer.settings().retries491());
    }

    /** BYE to both legs (dialog timeout, {@code dlg_end_dlg}, end of a transfer). */
    public void byeBothLegs(Dialog d, List<String[]> extraHeaders) {
        for (LegRole role : LegRole.values()) {
            attempt(d, new OutgoingRequest(role, SipMethod.BYE, null, null, extraHeaders, o -> {
                if (!o.success()) {
                    log.info("BYE to the {} of dialog_id={} call_id={} ended {}", role.text(), d.idText(), d.callId(),
                            o.statusLine());
                }
            }), 0);
        }
    }

    /** BYE and CANCEL never wait: they end things, and a phone accepts them during an INVITE. */
    private static boolean mustWait(String method) {
        return !SipMethod.BYE.equals(method) && !SipMethod.CANCEL.equals(method);
    }

    private void waitForInvite(Dialog d, OutgoingRequest request) {
        Runnable[] entry = new Runnable[1];
        TimerHandle timeout = layer.worker().schedule(() -> {
            if (d.waiting != null && d.waiting.remove(entry[0])) {
                log.info("{} for dialog_id={} call_id={} gave up waiting for an INVITE in progress", request.method(),
                        d.idText(), d.callId());
                layer.stats().requestsFailed.increment();
                request.done().accept(RequestOutcome.local(491, "Request Pending"));
            }
        }, layer.settings().inviteWaitMs());
        entry[0] = () -> {
            timeout.cancel();
            send(d, request);
        };
        if (d.waiting == null) d.waiting = new ArrayDeque<>(2);
        d.waiting.add(entry[0]);
    }

    /** Starts the next waiting request once no INVITE is in progress on the dialog. */
    void releaseWaiting(Dialog d) {
        while (!d.inviteInProgress() && d.waiting != null && !d.waiting.isEmpty()) {
            d.waiting.poll().run();
        }
    }

    private void attempt(Dialog d, OutgoingRequest request, int retries491Left) {
        Leg target = d.leg(request.towards());
        Leg other = d.leg(request.towards().other());
        if (target.contact == null) {
            request.done().accept(RequestOutcome.local(500, "No Contact for the " + request.towards().text()));
            return;
        }
        boolean invite = SipMethod.INVITE.equals(request.method());
        if (invite) d.invitesInProgress++;
        long cseq = CseqNumbering.nextGenerated(target);
        layer.changed(d); // the new number is persisted before the request can be answered
        destination(target, (dest, error) -> {
            if (error != null) {
                finishInvite(d, invite);
                layer.stats().requestsFailed.increment();
                request.done().accept(RequestOutcome.local(503, "Service Unavailable"));
                return;
            }
            SipRequest out;
            try {
                out = build(d, target, other, request, cseq, dest);
            } catch (RuntimeException e) {
                finishInvite(d, invite);
                log.warn("cannot build {} for dialog_id={} call_id={}: {}", request.method(), d.idText(), d.callId(),
                        e.getMessage());
                layer.stats().requestsFailed.increment();
                request.done().accept(RequestOutcome.local(500, "Server Internal Error"));
                return;
            }
            if (out.bodyLength() > 0) layer.changed(d); // the o= version it was stamped with (SdpVersions)
            layer.stats().requestsSent.increment();
            layer.transactions().sendRequest(out, dest, new Listener(d, request, out, dest, retries491Left));
        });
    }

    private void finishInvite(Dialog d, boolean invite) {
        if (invite) {
            d.invitesInProgress = Math.max(0, d.invitesInProgress - 1);
            releaseWaiting(d);
        }
    }

    /**
     * Where requests towards a leg go: its own flow (connection, NAT binding) when known,
     * otherwise its first Route or its Contact, resolved off the worker.
     */
    private void destination(Leg target, java.util.function.BiConsumer<Destination, Throwable> then) {
        if (target.flow != null) {
            then.accept(Destination.of(target.flow), null);
            return;
        }
        NextHop hop;
        try {
            String first = target.routeSet.isEmpty() ? target.contact : NameAddr.parse(target.routeSet.get(0)).uri().toString();
            hop = NextHop.fromUri(Uri.parse(first));
        } catch (RuntimeException e) {
            then.accept(null, e);
            return;
        }
        layer.services().resolver().resolve(hop.host(), (addr, err) -> layer.worker().execute(() ->
                then.accept(err == null ? Destination.of(hop.transport(), new InetSocketAddress(addr, hop.port())) : null,
                        err)));
    }

    /** R1: Request-URI and Route from the target's Contact and route set, From/To as the other party would write them. */
    private SipRequest build(Dialog d, Leg target, Leg other, OutgoingRequest request, long cseq, Destination dest) {
        String requestUri = target.contact;
        List<String> routes = target.routeSet;
        if (!routes.isEmpty()) {
            Uri first = NameAddr.parse(routes.get(0)).uri();
            if (!(first instanceof SipUri su) || !su.lr()) {
                // A strict router first (RFC 3261 §12.2.1.1): it becomes the Request-URI.
                List<String> rest = new ArrayList<>(routes.subList(1, routes.size()));
                rest.add("<" + target.contact + ">");
                requestUri = first.toString();
                routes = rest;
            }
        }
        MessageBuilder b = MessageBuilder.request(request.method(), requestUri)
                .header(HeaderName.VIA, via(dest));
        for (String r : routes) {
            b.header(HeaderName.ROUTE, r);
        }
        b.header(HeaderName.MAX_FORWARDS, "70")
                .header(HeaderName.FROM, other.header)
                .header(HeaderName.TO, target.header)
                .header(HeaderName.CALL_ID, d.callId())
                .header(HeaderName.CSEQ, cseq + " " + request.method());
        if (other.contact != null && !SipMethod.BYE.equals(request.method())) {
            b.header(HeaderName.CONTACT, "<" + other.contact + ">");
        }
        String ua = layer.services().settings().serverHeader();
        if (ua != null && !ua.isEmpty()) b.header(HeaderName.USER_AGENT, ua);
        for (String[] h : request.extraHeaders()) {
            b.header(h[0], h[1]);
        }
        if (request.body() != null && request.body().length > 0) {
            byte[] body = request.body();
            if (SdpBodies.isSdpType(request.contentType())) {
                // Stamped per attempt: a retry after 491 may follow SDPs the phone saw meanwhile.
                body = SdpVersions.offer(target, body);
            }
            b.body(body, request.contentType());
        }
        return b.buildRequest();
    }

    private String via(Destination dest) {
        InetSocketAddress local;
        if (dest.flow() != null && dest.transport() == TransportType.UDP) {
            // The request leaves from the socket the phone reached us on (a listen port, or the
            // port of the worker owning the call): the Via names that socket, so the answer comes
            // back to it, also from a phone that answers to the Via and not to the source.
            local = dest.flow().local();
        } else {
            ListenAddress listener = layer.services().transport().localFor(dest.transport());
            if (listener == null) throw new IllegalStateException("no " + dest.transport() + " listener");
            local = listener.address();
        }
        return OurVia.value(dest.transport(), local, BranchIds.originated()) + ";rport";
    }

    /** Hears the request's transaction; ACKs 2xx to INVITE and retries 491. */
    private final class Listener implements ClientTransactionListener {
        private final Dialog d;
        private final OutgoingRequest request;
        private final SipRequest sent;
        private final Destination dest;
        private final int retries491Left;
        private final boolean invite;
        private byte[] ack;
        private boolean done;

        Listener(Dialog d, OutgoingRequest request, SipRequest sent, Destination dest, int retries491Left) {
            this.d = d;
            this.request = request;
            this.sent = sent;
            this.dest = dest;
            this.retries491Left = retries491Left;
            this.invite = sent.isMethod(SipMethod.INVITE);
        }

        @Override
        public void onProvisional(ClientTransaction t, SipResponse r) {
        }

        @Override
        public void onFinal(ClientTransaction t, SipResponse r) {
            int code = r.statusCode();
            Leg target = d.leg(request.towards());
            if (invite && code >= 200 && code < 300) {
                String contact = ContactUris.first(r);
                if (contact != null) target.contact = contact; // a 2xx to INVITE refreshes the target
                if (t.flow() != null) target.flow = t.flow();
                sendAck(r);
                String offer = SdpBodies.of(sent);
                String answer = SdpBodies.of(r);
                if (offer != null) target.sdpSent = offer;
                if (answer != null) target.sdpReceived = answer;
                layer.changed(d);
            }
            if (invite && code == 491 && retries491Left > 0 && d.state.confirmed()) {
                layer.stats().retried491.increment();
                finishInvite(d, true);
                long delay = retryDelayMs(request.towards());
                log.info("491 to our re-INVITE in dialog_id={} call_id={}; retrying in {} ms", d.idText(), d.callId(), delay);
                layer.worker().schedule(() -> {
                    if (d.inviteInProgress()) {
                        waitForInvite(d, new OutgoingRequest(request.towards(), request.method(), request.body(),
                                request.contentType(), request.extraHeaders(), request.done()));
                    } else {
                        attempt(d, request, retries491Left - 1);
                    }
                }, delay);
                return;
            }
            finish(new RequestOutcome(code, r.reasonPhrase(), r));
        }

        /** RFC 3261 §14.1: 2.1-4 s for the party that owns the Call-ID (the caller), 0-2 s for the other. */
        private long retryDelayMs(LegRole towards) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            boolean weActAsCaller = towards == LegRole.CALLEE;
            return weActAsCaller ? 2100 + rnd.nextInt(1901) : rnd.nextInt(2001);
        }

        @Override
        public void onRetransmitted2xx(ClientTransaction t, SipResponse r) {
            if (ack != null) {
                layer.transactions().sendStateless(t.flow() != null ? Destination.of(t.flow()) : dest, ack);
            }
        }

        /** R3: the ACK for a 2xx carries the INVITE's CSeq number and goes to the 2xx's Contact. */
        private void sendAck(SipResponse r) {
            Leg target = d.leg(request.towards());
            String requestUri = target.contact;
            MessageBuilder b = MessageBuilder.request(SipMethod.ACK, requestUri).header(HeaderName.VIA, via(dest));
            for (String route : sent.headerLines(HeaderName.ROUTE)) {
                b.header(HeaderName.ROUTE, route);
            }
            b.header(HeaderName.MAX_FORWARDS, "70")
                    .header(HeaderName.FROM, sent.header(HeaderName.FROM))
                    .header(HeaderName.TO, r.header(HeaderName.TO))
                    .header(HeaderName.CALL_ID, d.callId())
                    .header(HeaderName.CSEQ, sent.cseqNumber() + " ACK");
            ack = b.buildRequest().toBytes();
            layer.transactions().sendStateless(dest, ack);
        }

        @Override
        public void onTimeout(ClientTransaction t) {
            finish(RequestOutcome.local(408, "Request Timeout"));
        }

        @Override
        public void onTransportError(ClientTransaction t, Throwable e) {
            log.info("{} for dialog_id={} call_id={} not sent: {}", request.method(), d.idText(), d.callId(), e.toString());
            finish(RequestOutcome.local(503, "Service Unavailable"));
        }

        private void finish(RequestOutcome outcome) {
            if (done) return;
            done = true;
            if (!outcome.success()) layer.stats().requestsFailed.increment();
            finishInvite(d, invite);
            try {
                request.done().accept(outcome);
            } catch (RuntimeException e) {
                log.warn("completion of {} for dialog {} failed", request.method(), d.idText(), e);
            }
        }
    }
}
