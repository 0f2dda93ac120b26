package io.callops.server;

import io.callops.dialog.DialogState;
import io.callops.dialog.DialogStats;
import io.callops.dialog.store.DialogStore;
import io.callops.ops.transfer.TransferStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The dialog and call-operation counters, for {@code get_statistics} (with the OpenSIPS
 * dialog module's names where it has one) and for {@code /metrics}.
 */
final class CallStatistics implements MeterBinder {
    private final DialogStats dialogs;
    private final DialogStore store;
    private final TransferStats transfers;

    CallStatistics(DialogStats dialogs, DialogStore store, TransferStats transfers) {
        this.dialogs = dialogs;
        this.store = store;
        this.transfers = transfers;
    }

    Map<String, LongSupplier> statistics() {
        Map<String, LongSupplier> m = new LinkedHashMap<>();
        m.put("dialog:active_dialogs", dialogs::active);
        m.put("dialog:early_dialogs", () -> dialogs.inState(DialogState.EARLY));
        m.put("dialog:processed_dialogs", dialogs.created::sum);
        m.put("dialog:expired_dialogs", dialogs.timedOut::sum);
        m.put("dialog:failed_dialogs", dialogs.failed::sum);
        m.put("dialog:recovered_dialogs", dialogs.recovered::sum);
        m.put("dialog:requests_sent", dialogs.requestsSent::sum);
        m.put("dialog:requests_failed", dialogs.requestsFailed::sum);
        m.put("dialog:store_writes", store::writes);
        m.put("dialog:store_failures", store::failedWrites);
        m.put("callops:transfers_started", transfers.started::sum);
        m.put("callops:transfers_ok", transfers.succeeded::sum);
        m.put("callops:transfers_failed", transfers.failed::sum);
        m.put("callops:transfer_notifies", transfers.notifies::sum);
        m.put("callops:forged_links", transfers.forgedLinks::sum);
        m.put("callops:stale_links", transfers.staleLinks::sum);
        return m;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DialogState s : DialogState.values()) {
            Gauge.builder("callops.dialogs", dialogs, d -> d.inState(s))
                    .description("Dialogs by state (5: ended, kept a while for late requests)")
                    .tag("state", Integer.toString(s.code())).register(registry);
        }
        counter(registry, "callops.dialogs.tracked", dialogs.created, LongAdder::sum, "Dialogs created for initial INVITEs");
        counter(registry, "callops.dialogs.timed.out", dialogs.timedOut, LongAdder::sum, "Dialogs ended by their lifetime");
        counter(registry, "callops.dialogs.failed", dialogs.failed, LongAdder::sum, "Initial INVITEs that failed");
        counter(registry, "callops.dialog.requests.sent", dialogs.requestsSent, LongAdder::sum,
                "Requests the proxy sent into dialogs");
        counter(registry, "callops.dialog.requests.failed", dialogs.requestsFailed, LongAdder::sum,
                "Requests the proxy sent into dialogs that did not succeed");
        counter(registry, "callops.dialog.store.writes", store, DialogStore::writes, "Dialog changes written to the store");
        counter(registry, "callops.dialog.store.failures", store, DialogStore::failedWrites, "Failed dialog store write rounds");
        FunctionCounter.builder("callops.transfers", transfers, t -> t.succeeded.sum())
                .description("Transfers ended, by result").tag("result", "ok").register(registry);
        FunctionCounter.builder("callops.transfers", transfers, t -> t.failed.sum())
                .description("Transfers ended, by result").tag("result", "fail").register(registry);
        counter(registry, "callops.transfers.started", transfers.started, LongAdder::sum, "Transfers started");
        counter(registry, "callops.transfer.links.refused", transfers, t -> t.forgedLinks.sum() + t.staleLinks.sum(),
                "New calls whose link parameter was forged or stale");
    }

    /**
     * Micrometer holds {@code state} only weakly: it must be an object the server keeps (an
     * adder of the stats, the store), not a method reference made here, which the first
     * garbage collection would take, freezing the counter at its last value.
     */
    private static <T> void counter(MeterRegistry r, String name, T state, ToDoubleFunction<T> read, String description) {
        FunctionCounter.builder(name, state, read).description(description).register(r);
    }
}
