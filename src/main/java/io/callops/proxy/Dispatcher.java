package io.callops.proxy;

import io.callops.sip.MessageBuilder;
import io.callops.sip.ParseResult;
import io.callops.sip.SipMessage;
import io.callops.sip.SipRequest;
import io.callops.sip.Verdict;
import io.callops.transport.Flow;
import io.callops.transport.InboundHandler;
import io.callops.transport.SendResult;
import io.callops.txn.ResponseRouting;
import io.callops.txn.Worker;
import io.callops.txn.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message from a transport thread to the worker that owns its call (by Call-ID),
 * and answers unreadable requests with 400 right away, without involving a worker.
 */
public final class Dispatcher implements InboundHandler {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final WorkerPool workers;
    private final ProxyCore[] cores;
    private final ProxyServices services;

    public Dispatcher(WorkerPool workers, ProxyCore[] cores, ProxyServices services) {
        this.workers = workers;
        this.cores = cores.clone();
        this.services = services;
    }

    @Override
    public void onMessage(SipMessage message, Flow flow) {
        int index = workers.indexFor(message.callId());
        ProxyCore core = cores[index];
        Worker worker = workers.get(index);
        if (worker.inWorker()) {
            process(core, message, flow); // read by the loop that owns the call: no hand-over
        } else {
            worker.execute(() -> process(core, message, flow));
        }
    }

    private static void process(ProxyCore core, SipMessage message, Flow flow) {
        try {
            core.receive(message, flow);
        } catch (RuntimeException e) {
            log.error("failed to process a message from {} call_id={}", flow.remote(), message.callId(), e);
        }
    }

    @Override
    public void onUnparseable(ParseResult.Failure failure, Flow flow, int size) {
        services.stats().parseErrors.increment();
        Verdict v = services.validator().checkUnparseable(failure);
        if (v instanceof Verdict.Reject rej && failure.partial() instanceof SipRequest partial) {
            log.info("unparseable request from {} ({} bytes) answered {}: {}", flow.remote(), size, rej.status(),
                    failure.reason());
            try {
                byte[] reply = MessageBuilder.replyTo(partial, rej.status(), rej.reason(), "bad").buildResponse().toBytes();
                services.stats().replySent(rej.status());
                services.transport().send(ResponseRouting.responseFlow(partial, flow), reply, SendResult.IGNORE);
            } catch (RuntimeException e) {
                log.info("no reply possible to the message from {}: {}", flow.remote(), e.getMessage());
            }
        } else {
            log.info("unparseable message from {} ({} bytes) dropped: {}", flow.remote(), size, failure.reason());
        }
    }
}
