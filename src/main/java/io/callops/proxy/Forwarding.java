package io.callops.proxy;

import io.callops.sip.HeaderName;
import io.callops.sip.MessageBuilder;
import io.callops.sip.ReasonPhrases;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.sip.header.NameAddr;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;
import io.callops.transport.Flow;
import io.callops.transport.IpLiterals;
import io.callops.transport.ListenAddress;
import io.callops.transport.TransportType;
import io.callops.txn.ClientTransaction;
import io.callops.txn.ClientTransactionListener;
import io.callops.txn.Destination;
import io.callops.txn.ServerTransaction;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response context of one request (RFC 3261 §16): what routing code decided, the
 * branches it was forwarded on, and the choice of the response that goes back (§16.7).
 * Lives on the call's worker.
 */
final class Forwarding implements RequestContext, ClientTransactionListener, RelayControl {
    private static final Logger log = LoggerFactory.getLogger(Forwarding.class);

    /** Room for the Via and Record-Route headers added after the size check. */
    private static final int VIA_AND_RECORD_ROUTE_ALLOWANCE = 200;

    private final ProxyCore core;
    private final ServerTransaction server;
    private SipRequest request;         // released once answered and every branch ended
    private final String callId;
    private final boolean invite;
    private final boolean hadOurRoute;
    private String loopHash;            // for the branches still to come; released with the request
    private boolean recordRoute;
    private boolean decided;
    private boolean finalSent;
    private boolean answered;          // a 2xx went upstream
    private boolean cancelled;         // the caller cancelled (§16.10)
    private boolean failureHandled;
    private FailureHandler failureHandler;
    private String localTag;
    private RelayWatcher watcher;
    private String originalCseq;       // set when a watcher renumbered the relayed copies
    private final List<Branch> branches = new ArrayList<>(2);

    Forwarding(ProxyCore core, ServerTransaction server, boolean hadOurRoute) {
        this.core = core;
        this.server = server;
        this.request = server.request();
        this.callId = request.callId();
        this.invite = request.isMethod(SipMethod.INVITE);
        this.hadOurRoute = hadOurRoute;
        this.loopHash = BranchIds.loopHash(request);
    }

    // ------------------------------------------------------------------ RequestContext

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public Flow flow() {
        return server.flow();
    }

    @Override
    public Object dialogValue(String name) {
        return core.tracker().dialogValue(this, name);
    }

    @Override
    public boolean setDialogValue(String name, Object value) {
        return core.tracker().setDialogValue(this, name, value);
    }

    @Override
    public boolean setDialogTimeout(int seconds) {
        return core.tracker().setDialogTimeout(this, seconds);
    }

    @Override
    public CallControl callControl() {
        return core.callControl();
    }

    @Override
    public boolean isForUs() {
        try {
            return core.services().addresses().isOurDomain(request.parsedRequestUri());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean looseRoute() {
        return hadOurRoute || request.hasHeader(HeaderName.ROUTE);
    }

    @Override
    public void createDialog() {
        if (!invite || hasToTag()) {
            throw new IllegalStateException("createDialog() is for an initial INVITE, not " + request.method());
        }
        if (watcher == null) {
            watch(core.tracker().createDialog(this));
        }
    }

    /** Lets a watcher see this request's relaying (one per request). */
    void watch(RelayWatcher w) {
        if (w == null) return;
        watcher = w;
        w.attached(this);
    }

    @Override
    public void cancelBranches() {
        cancelByCaller();
    }

    @Override
    public void recordRoute() {
        recordRoute = core.services().settings().recordRoute();
    }

    @Override
    public void relay() {
        relay(Target.asIs());
    }

    @Override
    public void relay(Target target) {
        fork(List.of(target));
    }

    @Override
    public void fork(List<Target> targets) {
        if (finalSent) {
            return;
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("fork needs at least one target");
        }
        decided = true;
        failureHandled = false;
        for (Target t : targets) {
            Branch b = new Branch(t);
            branches.add(b);
            startBranch(b);
        }
    }

    @Override
    public void reply(int code, String reason) {
        decided = true;
        sendFinal(code, reason, null);
    }

    @Override
    public void drop() {
        decided = true;
        log.info("request dropped by routing method={} call_id={}", request.method(), callId);
    }

    @Override
    public void onFailure(FailureHandler handler) {
        this.failureHandler = handler;
    }

    @Override
    public void saveRegistration() {
        decided = true;
        SipResponse r = core.services().locator().register(request, server.flow());
        if (!finalSent) {
            finalSent = true;
            core.services().stats().replySent(r.statusCode());
            server.respond(r);
        }
    }

    @Override
    public List<Target> lookupLocation() {
        return core.services().locator().lookup(request.requestUri());
    }

    @Override
    public RouteTable routes() {
        return core.services().routes();
    }

    @Override
    public boolean decided() {
        return decided;
    }

    // ------------------------------------------------------------------ forwarding a branch

    private void startBranch(Branch b) {
        SipRequest out = request.copy();
        Target t = b.target;
        if (t.requestUri() != null) {
            out.setRequestUri(t.requestUri());
        }
        int mf = out.maxForwards();
        out.setHeader(HeaderName.MAX_FORWARDS,
                Integer.toString(mf < 0 ? core.services().settings().maxForwardsDefault() : mf - 1));
        if (watcher != null) {
            watcher.beforeSend(out);
            if (originalCseq == null && out.cseqNumber() != request.cseqNumber()) {
                originalCseq = request.header(HeaderName.CSEQ);
            }
        }
        String nextHopUri;
        if (t.nextHopUri() != null) {
            nextHopUri = t.nextHopUri();
        } else if (out.hasHeader(HeaderName.ROUTE)) {
            nextHopUri = routeTarget(out);
        } else {
            nextHopUri = null; // the Request-URI, already parsed
        }
        b.request = out;
        if (t.flow() != null && t.nextHopUri() == null && !out.hasHeader(HeaderName.ROUTE)) {
            sendBranch(b, t.flow().transport(), t.flow().remote(), t.flow());
            return;
        }
        NextHop hop;
        try {
            hop = NextHop.fromUri(nextHopUri == null ? out.parsedRequestUri() : Uri.parse(nextHopUri));
        } catch (RuntimeException e) {
            log.info("cannot route call_id={} to {}: {}", callId,
                    nextHopUri == null ? out.requestUri() : nextHopUri, e.getMessage());
            b.finish(e.getMessage() != null && e.getMessage().contains("transport") ? 503 : 416, null, null);
            checkCompletion();
            return;
        }
        core.resolve(hop.host(), (addr, error) -> {
            if (b.isFinal()) {
                return;
            }
            if (error != null) {
                log.info("cannot resolve {} for call_id={}: {}", hop.host(), callId, error.getMessage());
                b.finish(503, "Service Unavailable", null);
                checkCompletion();
                return;
            }
            if (cancelled) {
                b.finish(487, null, null);
                checkCompletion();
                return;
            }
            TransportType transport = hop.transport();
            if (core.services().transport().localFor(transport) == null) {
                b.finish(503, "Service Unavailable", null);
                checkCompletion();
                return;
            }
            sendBranch(b, transport, new InetSocketAddress(addr, hop.port()), null);
        });
    }

    /**
     * The next hop when the request has a route set (§16.6 steps 6 and 7): the top Route;
     * when that is a strict router (no lr), the Request-URI moves to the end of the route set
     * and the top Route becomes the Request-URI (§16.6 step 6 / §12.2.1.1).
     */
    private static String routeTarget(SipRequest out) {
        String top = out.firstValue(HeaderName.ROUTE);
        NameAddr na = NameAddr.parse(top);
        if (na.uri() instanceof SipUri su && !su.lr()) {
            out.dropFirstValue(HeaderName.ROUTE);
            out.addLast(HeaderName.ROUTE, "<" + out.requestUri() + ">");
            out.setRequestUri(su.toString());
            return su.toString();
        }
        return na.uri().toString();
    }

    private void sendBranch(Branch b, TransportType transport, InetSocketAddress address, Flow flow) {
        SipRequest out = b.request;
        ListenAddress local = core.services().transport().localFor(transport);
        if (flow == null && transport == TransportType.UDP && b.beforeSizeSwitch == null
                && out.encodedLength() + VIA_AND_RECORD_ROUTE_ALLOWANCE > core.services().settings().udpSizeLimit()
                && core.services().transport().localFor(TransportType.TCP) != null) {
            // RFC 3261 §18.1.1: large requests go over TCP; the copy lets us retry over UDP.
            b.beforeSizeSwitch = out.copy();
            transport = TransportType.TCP;
            local = core.services().transport().localFor(TransportType.TCP);
        }
        // With ports per I/O thread: this thread's own port, named in the Via and Record-Route
        // and sent from, so that the answers and the in-dialog requests reach the thread owning
        // the call, also from a peer that answers to where a request came from.
        Flow own = transport == TransportType.UDP ? core.services().transport().ownUdpFlowTo(address) : null;
        InetSocketAddress advertised = own != null ? own.local() : local.address();
        if (recordRoute && !request.isMethod(SipMethod.REGISTER)) {
            Flow in = server.flow();
            boolean sameInterface = in.transport() == transport && in.local().equals(local.address());
            if (!sameInterface) {
                // Two entries when the request changes transport or interface (RFC 5658 §3.2):
                // the lower one faces the caller, the top one the callee.
                out.addTop(HeaderName.RECORD_ROUTE, recordRouteValue(in.transport(), in.local()));
            }
            out.addTop(HeaderName.RECORD_ROUTE, recordRouteValue(transport, advertised));
        }
        out.addFirst(HeaderName.VIA, OurVia.value(transport, advertised, BranchIds.newBranch(loopHash)));
        // A registered contact's own flow wins: its NAT expects what comes from that socket.
        Destination dest = flow != null ? Destination.of(flow)
                : own != null ? Destination.of(own) : Destination.of(transport, address);
        b.state = Branch.State.SENT;
        core.services().stats().forwardedRequests.increment();
        b.transaction = core.transactions().sendRequest(out, dest, this);
        if (invite) {
            armTimerC(b);
        }
    }

    private static String recordRouteValue(TransportType t, InetSocketAddress local) {
        String host = IpLiterals.uriHost(local.getAddress());
        return "<sip:" + host + ':' + local.getPort() + (t == TransportType.UDP ? "" : ";transport=" + t.uriParam())
                + ";lr>";
    }

    private void armTimerC(Branch b) {
        b.timerC.cancel();
        b.timerC = core.worker().schedule(() -> onTimerC(b), core.transactions().timers().timerC());
    }

    /** Timer C (§16.8): cancel a branch that rang too long, or drop one that never answered. */
    private void onTimerC(Branch b) {
        if (b.isFinal()) return;
        core.services().stats().timerC.increment();
        b.timedOutByTimerC = true;
        if (b.provisionalSeen) {
            sendCancel(b);
        } else {
            b.transaction.terminate();
            b.finish(408, "Request Timeout", null);
            checkCompletion();
        }
    }

    // ------------------------------------------------------------------ responses

    private Branch branchOf(ClientTransaction ct) {
        for (Branch b : branches) {
            if (b.transaction == ct) return b;
        }
        return null;
    }

    @Override
    public void onProvisional(ClientTransaction ct, SipResponse response) {
        Branch b = branchOf(ct);
        if (b == null || b.isFinal()) return;
        core.services().stats().responseReceived(response.statusCode());
        b.provisionalSeen = true;
        if (b.cancelWanted && !b.cancelSent) {
            sendCancel(b);
        }
        if (response.statusCode() == 100) {
            return; // §16.7 step 5: a 100 is never forwarded
        }
        if (invite && !b.timedOutByTimerC) {
            armTimerC(b); // §16.7 step 2: a provisional resets timer C
        }
        if (watcher != null) {
            watcher.onBranchResponse(b.request, response, ct.flow());
        }
        if (!finalSent && !cancelled) {
            server.respond(upstream(response));
        }
    }

    @Override
    public void onFinal(ClientTransaction ct, SipResponse response) {
        Branch b = branchOf(ct);
        if (b == null) return;
        int code = response.statusCode();
        core.services().stats().responseReceived(code);
        if (watcher != null) {
            watcher.onBranchResponse(b.request, response, ct.flow());
        }
        if (b.timedOutByTimerC && code >= 300) {
            b.finish(408, "Request Timeout", null);
        } else {
            b.finish(code, response.reasonPhrase(), response);
        }
        if (code >= 200 && code < 300) {
            // 2xx responses go upstream at once, every one of them (§16.7 step 5).
            SipResponse up = upstream(response);
            answered = true;
            finalSent = true;
            server.respond(up);
            if (watcher != null) {
                watcher.onFinalSent(up);
            }
            cancelOthers(b);
            releaseFinishedBranches();
            return;
        }
        if (code >= 600 && invite) {
            cancelOthers(b); // §16.7 step 5: a 6xx ends the search
        }
        checkCompletion();
        if (finalSent) {
            releaseFinishedBranches();
        }
    }

    /**
     * Once the answer went upstream, finished branches keep nothing: this context lives on
     * for a while behind the INVITE's transaction (2xx retransmissions), and holding every
     * branch's messages that long would cost memory per call for no use.
     */
    private void releaseFinishedBranches() {
        boolean allEnded = true;
        for (Branch b : branches) {
            if (b.isFinal()) {
                b.request = null;
                b.finalResponse = null;
                b.beforeSizeSwitch = null;
            } else {
                allEnded = false;
            }
        }
        if (allEnded) {
            request = null; // nothing will be forwarded or answered from it any more
            loopHash = null;
            if (watcher != null && !watcher.rewritesRetransmitted2xx()) {
                watcher = null; // it may hold a whole dialog, which must not outlive the call by 64*T1
            }
        }
    }

    @Override
    public void onRetransmitted2xx(ClientTransaction ct, SipResponse response) {
        server.respond(upstream(response));
    }

    /**
     * The copy of a downstream response that goes upstream: without our Via, and with the
     * caller's own CSeq when the relayed request was renumbered, as the watcher wants it.
     */
    private SipResponse upstream(SipResponse response) {
        SipResponse up = response.copy();
        up.dropFirstValue(HeaderName.VIA);
        if (originalCseq != null) {
            up.setHeader(HeaderName.CSEQ, originalCseq);
        }
        if (watcher != null) {
            watcher.beforeUpstream(up);
        }
        return up;
    }

    @Override
    public void onTimeout(ClientTransaction ct) {
        Branch b = branchOf(ct);
        if (b == null || b.isFinal()) return;
        b.finish(408, "Request Timeout", null);
        checkCompletion();
        if (finalSent) {
            releaseFinishedBranches();
        }
    }

    @Override
    public void onTransportError(ClientTransaction ct, Throwable error) {
        Branch b = branchOf(ct);
        if (b == null || b.isFinal()) return;
        log.info("transport error towards {} call_id={}: {}", ct.destination(), callId, error.toString());
        if (b.beforeSizeSwitch != null && ct.destination().transport() == TransportType.TCP && !cancelled) {
            // §18.1.1: a request sent over TCP only because of its size is retried over UDP
            // when the TCP connection cannot be made.
            b.timerC.cancel();
            b.request = b.beforeSizeSwitch;
            sendBranch(b, TransportType.UDP, ct.destination().address(), null);
            return;
        }
        b.finish(503, "Service Unavailable", null);
        checkCompletion();
    }

    // ------------------------------------------------------------------ cancelling

    /** The caller sent CANCEL (§16.10). */
    void cancelByCaller() {
        if (finalSent) return;
        cancelled = true;
        for (Branch b : branches) {
            if (!b.isFinal()) {
                b.cancelWanted = true;
                if (b.state == Branch.State.SENT && b.provisionalSeen) {
                    sendCancel(b);
                }
            }
        }
        if (branches.isEmpty() || !decided) {
            sendFinal(487, null, null);
        }
    }

    private void cancelOthers(Branch winner) {
        if (!invite) return;
        for (Branch b : branches) {
            if (b != winner && !b.isFinal()) {
                b.cancelWanted = true;
                if (b.state == Branch.State.SENT && b.provisionalSeen) {
                    sendCancel(b);
                }
            }
        }
    }

    /** A CANCEL for a branch (§9.1): same Request-URI, Call-ID, From, To, CSeq number and top Via. */
    private void sendCancel(Branch b) {
        if (b.cancelSent || b.transaction == null) return;
        b.cancelSent = true;
        SipRequest inv = b.request;
        MessageBuilder mb = MessageBuilder.request(SipMethod.CANCEL, inv.requestUri())
                .header(HeaderName.VIA, inv.firstValue(HeaderName.VIA));
        for (String route : inv.headerLines(HeaderName.ROUTE)) {
            mb.header(HeaderName.ROUTE, route);
        }
        mb.header(HeaderName.MAX_FORWARDS, "70")
                .header(HeaderName.FROM, inv.header(HeaderName.FROM))
                .header(HeaderName.TO, inv.header(HeaderName.TO))
                .header(HeaderName.CALL_ID, inv.header(HeaderName.CALL_ID))
                .header(HeaderName.CSEQ, inv.cseqNumber() + " CANCEL");
        Flow used = b.transaction.flow();
        Destination d = used != null ? Destination.of(used) : b.transaction.destination();
        core.transactions().sendRequest(mb.buildRequest(), d, CancelListener.INSTANCE);
    }

    /** Responses to our CANCELs need no action: the INVITE's own final response settles it. */
    private enum CancelListener implements ClientTransactionListener {
        INSTANCE;

        @Override public void onProvisional(ClientTransaction t, SipResponse r) { }
        @Override public void onFinal(ClientTransaction t, SipResponse r) { }
        @Override public void onTimeout(ClientTransaction t) { }
        @Override public void onTransportError(ClientTransaction t, Throwable e) { }
    }

    // ------------------------------------------------------------------ choosing the answer

    private void checkCompletion() {
        if (finalSent) return;
        for (Branch b : branches) {
            if (!b.isFinal()) return;
        }
        Branch best = bestBranch();
        if (best == null) return;
        if (failureHandler != null && !failureHandled && !cancelled) {
            failureHandled = true;
            boolean unanswered = branches.stream().allMatch(x -> x.finalResponse == null);
            int before = branches.size();
            failureHandler.onFailure(this, bestResponse(best), unanswered);
            if (finalSent || branches.size() > before) return; // replied, or forked again
        }
        sendBest(best);
    }

    /**
     * §16.7 step 6: a 6xx if any; otherwise the lowest class, preferring a response from the
     * network over one we made up, and the first in its class.
     */
    private Branch bestBranch() {
        Branch best = null;
        for (Branch b : branches) {
            if (b.finalCode >= 600) return b;
            if (best == null || b.finalCode / 100 < best.finalCode / 100
                    || (b.finalCode / 100 == best.finalCode / 100 && best.finalResponse == null && b.finalResponse != null)) {
                best = b;
            }
        }
        return best;
    }

    private SipResponse bestResponse(Branch best) {
        if (best.finalResponse != null && best.finalCode != 503) {
            return upstream(best.finalResponse);
        }
        // §16.7 step 6: a 503 from downstream becomes a 500 upstream.
        int code = best.finalCode == 503 && best.finalResponse != null ? 500 : best.finalCode;
        String reason = code == best.finalCode && best.finalReason != null ? best.finalReason : ReasonPhrases.of(code);
        return core.replyTo(request, code, reason, localTag());
    }

    private void sendBest(Branch best) {
        SipResponse up = bestResponse(best);
        finalSent = true;
        if (best.finalResponse == null || best.finalCode == 503) {
            core.services().stats().replySent(up.statusCode());
        }
        server.respond(up);
        if (watcher != null) {
            watcher.onFinalSent(up);
        }
    }

    private void sendFinal(int code, String reason, SipResponse ignored) {
        if (finalSent) return;
        finalSent = true;
        core.services().stats().replySent(code);
        SipResponse up = core.replyTo(request, code, reason == null ? ReasonPhrases.of(code) : reason, localTag());
        server.respond(up);
        if (watcher != null) {
            watcher.onFinalSent(up);
        }
    }

    private String localTag() {
        if (localTag == null) {
            localTag = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        }
        return localTag;
    }

    /** True once the routing logic decided nothing: the core answers 500 then. */
    boolean undecided() {
        return !decided;
    }

    boolean answered() {
        return answered;
    }
}
