package io.callops.proxy;

import io.callops.sip.HeaderName;
import io.callops.sip.MessageBuilder;
import io.callops.sip.SipMessage;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.sip.Verdict;
import io.callops.sip.header.NameAddr;
import io.callops.sip.header.Via;
import io.callops.sip.uri.Uri;
import io.callops.transport.Flow;
import io.callops.transport.IpLiterals;
import io.callops.transport.ListenAddress;
import io.callops.transport.SendResult;
import io.callops.transport.TransportType;
import io.callops.txn.Destination;
import io.callops.txn.ResponseRouting;
import io.callops.txn.ServerTransaction;
import io.callops.txn.TransactionLayer;
import io.callops.txn.TransactionUser;
import io.callops.txn.Worker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful proxy of one worker (RFC 3261 §16): validates requests (§16.3), processes
 * Route headers (§16.4), hands requests to the routing logic, and answers CANCEL (§16.10),
 * ACK for 2xx and stray responses itself.
 */
public final class ProxyCore implements TransactionUser {
    private static final Logger log = LoggerFactory.getLogger(ProxyCore.class);

    private final Worker worker;
    private final TransactionLayer transactions;
    private final ProxyServices services;
    private CallTracker tracker = CallTracker.NONE;
    private CallControl callControl = CallControl.NONE;

    public ProxyCore(Worker worker, TransactionLayer transactions, ProxyServices services) {
        this.worker = worker;
        this.transactions = transactions;
        this.services = services;
        transactions.setUser(this);
    }

    Worker worker() {
        return worker;
    }

    TransactionLayer transactions() {
        return transactions;
    }

    ProxyServices services() {
        return services;
    }

    /** Sets the call-state tracker of this worker (the dialog layer); before traffic starts. */
    public void setTracker(CallTracker tracker) {
        this.tracker = tracker == null ? CallTracker.NONE : tracker;
    }

    CallTracker tracker() {
        return tracker;
    }

    /** Sets the call operations routing code reaches through its request context; before traffic starts. */
    public void setCallControl(CallControl control) {
        this.callControl = control == null ? CallControl.NONE : control;
    }

    CallControl callControl() {
        return callControl;
    }

    /** Entry point for a message from the network, on this worker. */
    public void receive(SipMessage message, Flow flow) {
        if (message instanceof SipRequest r) {
            services.stats().request(r.method());
            Verdict v = services.validator().checkRequest(r, flow.transport().reliable());
            if (v instanceof Verdict.Reject rej) {
                rejectStatelessly(r, flow, rej);
                return;
            }
            if (v instanceof Verdict.Drop d) {
                services.stats().dropped.increment();
                log.info("request dropped call_id={} from {}: {}", r.callId(), flow.remote(), d.detail());
                return;
            }
            addReceived(r, flow);
            transactions.onRequest(r, flow);
        } else {
            SipResponse resp = (SipResponse) message;
            Verdict v = services.validator().checkResponse(resp);
            if (!(v instanceof Verdict.Accept)) {
                services.stats().dropped.increment();
                log.info("response dropped call_id={} from {}: {}", resp.callId(), flow.remote(),
                        v instanceof Verdict.Drop d ? d.detail() : v);
                return;
            }
            transactions.onResponse(resp, flow);
        }
    }

    private void rejectStatelessly(SipRequest r, Flow flow, Verdict.Reject rej) {
        services.stats().rejected.increment();
        log.info("request rejected status={} call_id={} from {}: {}", rej.status(), r.callId(), flow.remote(), rej.detail());
        MessageBuilder b = MessageBuilder.replyTo(r, rej.status(), rej.reason(), "r" + Integer.toHexString(r.hashCode()));
        if (rej.extraHeaders() != null) {
            for (String[] h : rej.extraHeaders()) {
                b.header(h[0], h[1]);
            }
        }
        addServer(b);
        services.stats().replySent(rej.status());
        services.transport().send(ResponseRouting.responseFlow(r, flow), b.buildResponse().toBytes(), SendResult.IGNORE);
    }

    /**
     * RFC 3261 §18.2.1 and RFC 3581 §4: the top Via records where the request really came
     * from, so that responses find their way back through NAT.
     */
    private static void addReceived(SipRequest r, Flow flow) {
        String source = flow.remote().getAddress().getHostAddress();
        if (r.topViaIsPlainFrom(source)) return; // the usual case, decided from the bytes
        String top = r.firstValue(HeaderName.VIA);
        if (top == null) return;
        Via via;
        try {
            via = Via.parse(top);
        } catch (RuntimeException e) {
            return;
        }
        boolean changed = false;
        if (via.rportPresent() && via.rport() < 0) {
            via = via.withRport(flow.remote().getPort());
            changed = true;
        }
        String host = via.host().startsWith("[") ? via.host().substring(1, via.host().length() - 1) : via.host();
        if (!host.equalsIgnoreCase(source) || changed) {
            via = via.withReceived(source);
            changed = true;
        }
        if (changed) {
            r.replaceFirstValue(HeaderName.VIA, via.toString());
        }
    }

    // ------------------------------------------------------------------ TransactionUser

    @Override
    public void onRequest(ServerTransaction st, SipRequest request) {
        if (isLoop(request)) {
            services.stats().loops.increment();
            st.respond(replyTo(request, 482, "Loop Detected", "loop"));
            return;
        }
        if (request.isMethod(SipMethod.CANCEL)) {
            onCancel(st, request);
            return;
        }
        boolean hadOurRoute = removeOurRoutes(request);
        Forwarding fwd = new Forwarding(this, st, hadOurRoute);
        st.setOwner(fwd);
        try {
            if (request.toTag() != null) {
                fwd.watch(tracker.onInDialogRequest(fwd));
                if (fwd.decided()) {
                    sendTrying(st, request); // unless the tracker answered (a request for a call operation of ours)
                    return;
                }
            }
            services.router().onRequest(fwd);
        } catch (RuntimeException e) {
            log.warn("routing failed call_id={} method={}: {}", request.callId(), request.method(), e.toString(), e);
            if (!st.hasFinalResponse()) {
                fwd.reply(500, "Server Internal Error");
            }
            return;
        }
        if (fwd.undecided()) {
            log.warn("routing took no decision call_id={} method={}; answering 500", request.callId(), request.method());
            fwd.reply(500, "Server Internal Error");
            return;
        }
        sendTrying(st, request);
    }

    /**
     * The 100 Trying of an INVITE (RFC 3261 §16.2, §17.2.1), once routing has relayed it: the
     * relayed copy is what the call waits for, while the 100 only stops the caller's
     * retransmissions (the first one comes after T1), so it goes second. Sending it first
     * put a send, and the wake-up of the caller it causes, before every relayed INVITE.
     * Routing that relays later (a host name being resolved) gets it here all the same;
     * routing that already answered gets none.
     */
    private void sendTrying(ServerTransaction st, SipRequest request) {
        if (request.isMethod(SipMethod.INVITE) && st.lastStatus() == 0) {
            st.respond(replyTo(request, 100, "Trying", null));
        }
    }

    private void onCancel(ServerTransaction cancelTxn, SipRequest cancel) {
        ServerTransaction invite = transactions.findInviteFor(cancel);
        if (invite == null) {
            cancelTxn.respond(replyTo(cancel, 481, "Call/Transaction Does Not Exist", "nocancel"));
            return;
        }
        cancelTxn.respond(replyTo(cancel, 200, "OK", "cancel"));
        if (invite.owner() instanceof Forwarding f) {
            f.cancelByCaller();
        }
    }

    /**
     * §16.3 step 4: the request carries a Via of ours whose branch has the loop hash this
     * request gets now, so it came back unchanged.
     */
    private boolean isLoop(SipRequest r) {
        List<String> vias = r.headerValues(HeaderName.VIA);
        String expected = null;
        for (int i = 0; i < vias.size(); i++) {
            String v = vias.get(i);
            // Our own Vias always carry host:port as we wrote them; a substring test spares
            // parsing every Via of every request.
            if (!mentionsOurAddress(v) || !isOurSentBy(v)) continue;
            if (expected == null) expected = BranchIds.COOKIE + BranchIds.loopHash(r) + '.';
            int bi = v.indexOf(";branch=");
            if (bi >= 0 && v.startsWith(expected, bi + 8)) {
                return true;
            }
        }
        return false;
    }

    private boolean mentionsOurAddress(String via) {
        for (ListenAddress l : services.addresses().listen()) {
            if (via.contains(l.hostText() + ':' + l.port())) {
                return true;
            }
        }
        return false;
    }

    private boolean isOurSentBy(String via) {
        try {
            Via v = Via.parse(via);
            for (ListenAddress l : services.addresses().listen()) {
                if (l.port() == (v.port() < 0 ? 5060 : v.port()) && l.hostText().equalsIgnoreCase(v.host())) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    /**
     * §16.4: a Request-URI we put in a Record-Route means the previous hop was a strict
     * router: the last Route becomes the Request-URI. Then every top Route naming us is
     * removed (two when we record-routed twice). Returns whether any was ours.
     */
    private boolean removeOurRoutes(SipRequest r) {
        boolean ours = false;
        try {
            if (r.hasHeader(HeaderName.ROUTE) && services.addresses().isListenUri(r.parsedRequestUri())
                    && r.parsedRequestUri() instanceof io.callops.sip.uri.SipUri su && su.lr()) {
                List<String> routes = r.headerValues(HeaderName.ROUTE);
                String last = routes.get(routes.size() - 1);
                r.setRequestUri(NameAddr.parse(last).uri().toString());
                r.removeHeader(HeaderName.ROUTE);
                for (int i = 0; i < routes.size() - 1; i++) {
                    r.addLast(HeaderName.ROUTE, routes.get(i));
                }
                ours = true;
            }
            String top;
            while ((top = r.firstValue(HeaderName.ROUTE)) != null
                    && services.addresses().isListenUri(NameAddr.parse(top).uri())) {
                r.dropFirstValue(HeaderName.ROUTE);
                ours = true;
            }
        } catch (RuntimeException e) {
            log.debug("unreadable Route in call_id={}: {}", r.callId(), e.getMessage());
        }
        return ours;
    }

    /** ACK for a 2xx: end to end, forwarded without a transaction (§16.6, §17.2.1). */
    @Override
    public void onAck(SipRequest ack, Flow flow) {
        if (isLoop(ack)) {
            return;
        }
        removeOurRoutes(ack);
        tracker.onAck(ack, flow);
        String hopUri;
        try {
            hopUri = ack.hasHeader(HeaderName.ROUTE) ? NameAddr.parse(ack.firstValue(HeaderName.ROUTE)).uri().toString()
                    : ack.requestUri();
        } catch (RuntimeException e) {
            log.info("ACK with unreadable route dropped call_id={}", ack.callId());
            return;
        }
        if (!ack.hasHeader(HeaderName.ROUTE) && services.addresses().isOurDomain(Uri.parse(hopUri))) {
            // An ACK addressed to us with no route set: the ACK for a 2xx that we generated.
            return;
        }
        NextHop hop;
        try {
            hop = NextHop.fromUri(Uri.parse(hopUri));
        } catch (RuntimeException e) {
            log.info("ACK to unroutable {} dropped call_id={}", hopUri, ack.callId());
            return;
        }
        resolve(hop.host(), (addr, error) -> {
            if (error != null) return;
            ListenAddress local = services.transport().localFor(hop.transport());
            if (local == null) return;
            int mf = ack.maxForwards();
            ack.setHeader(HeaderName.MAX_FORWARDS, Integer.toString(mf < 0 ? services.settings().maxForwardsDefault() : mf - 1));
            InetSocketAddress target = new InetSocketAddress(addr, hop.port());
            // With ports per I/O thread, the ACK leaves from the port the INVITE left from (this
            // thread owns the call): a callee behind a NAT lets in only what comes from there.
            Flow own = hop.transport() == TransportType.UDP ? services.transport().ownUdpFlowTo(target) : null;
            InetSocketAddress from = own != null ? own.local() : local.address();
            ack.addFirst(HeaderName.VIA, OurVia.value(hop.transport(), from, BranchIds.statelessBranch(ack)));
            transactions.sendStateless(own != null ? Destination.of(own) : Destination.of(hop.transport(), target), ack.toBytes());
        });
    }

    /**
     * §16.7/§16.11: a response no client transaction knows (a 2xx retransmitted after ours
     * ended) is forwarded statelessly when its top Via is ours, by the next Via.
     */
    @Override
    public void onStrayResponse(SipResponse response, Flow flow) {
        List<String> vias = response.headerValues(HeaderName.VIA);
        if (vias.size() < 2 || !isOurSentBy(vias.get(0))) {
            log.debug("stray response dropped call_id={} status={}", response.callId(), response.statusCode());
            return;
        }
        Via next;
        try {
            next = Via.parse(vias.get(1));
        } catch (RuntimeException e) {
            return;
        }
        String host = next.received() != null ? next.received() : next.host();
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        if (!IpLiterals.isIpLiteral(host)) {
            log.info("stray response call_id={} not forwarded: next Via host {} is not an address", response.callId(), host);
            return;
        }
        int port = next.rport() > 0 ? next.rport() : (next.port() > 0 ? next.port() : 5060);
        TransportType t = TransportType.fromToken(next.transport());
        if (t == null) return;
        services.stats().strayResponses.increment();
        SipResponse up = response.copy();
        up.dropFirstValue(HeaderName.VIA);
        try {
            services.transport().send(t, new InetSocketAddress(InetAddress.getByName(host), port), up.toBytes(),
                    SendResult.IGNORE);
        } catch (java.net.UnknownHostException e) {
            log.debug("bad address in Via: {}", host);
        }
    }

    // ------------------------------------------------------------------ helpers

    SipResponse replyTo(SipRequest request, int code, String reason, String toTag) {
        MessageBuilder b = MessageBuilder.replyTo(request, code, reason, toTag);
        addServer(b);
        return b.buildResponse();
    }

    private void addServer(MessageBuilder b) {
        String server = services.settings().serverHeader();
        if (server != null && !server.isEmpty()) {
            b.header(HeaderName.SERVER, server);
        }
    }

    /** Resolves on the resolver and continues on this worker. */
    void resolve(String host, BiConsumer<InetAddress, Throwable> then) {
        services.resolver().resolve(host, (addr, err) -> {
            if (worker.inWorker()) {
                then.accept(addr, err);
            } else {
                worker.execute(() -> then.accept(addr, err));
            }
        });
    }
}
