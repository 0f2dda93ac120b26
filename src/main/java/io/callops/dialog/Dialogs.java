package io.callops.dialog;

import io.callops.txn.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every worker's dialogs, for callers off the workers (the MI, call operations started by
 * a management command). Work about one call is posted to the worker that owns it and
 * answers through a future; nothing here blocks.
 */
public final class Dialogs {
    private final WorkerPool workers;
    private final DialogLayer[] layers;

    public Dialogs(WorkerPool workers, DialogLayer[] layers) {
        if (workers.size() != layers.length) {
            throw new IllegalArgumentException("one dialog layer per worker");
        }
        this.workers = workers;
        this.layers = layers.clone();
    }

    /** Runs {@code task} on the worker that owns {@code callId}. */
    public <T> CompletableFuture<T> onCall(String callId, Function<DialogLayer, T> task) {
        int i = workers.indexFor(callId);
        return on(i, task);
    }

    /** Runs {@code task} on every worker and collects what each returns, in worker order. */
    public <T> CompletableFuture<List<T>> onEach(Function<DialogLayer, List<T>> task) {
        List<CompletableFuture<List<T>>> parts = new ArrayList<>(layers.length);
        for (int i = 0; i < layers.length; i++) {
            parts.add(on(i, task));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<T> all = new ArrayList<>();
            for (CompletableFuture<List<T>> p : parts) {
                all.addAll(p.join());
            }
            return all;
        });
    }

    private <T> CompletableFuture<T> on(int index, Function<DialogLayer, T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        DialogLayer layer = layers[index];
        Runnable r = () -> {
            try {
                f.complete(task.apply(layer));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        };
        if (workers.get(index).inWorker()) {
            r.run();
        } else {
            workers.get(index).execute(r);
        }
        return f;
    }

    /** The layer of worker {@code index} (for wiring and tests). */
    public DialogLayer layer(int index) {
        return layers[index];
    }

    public int workerCount() {
        return layers.length;
    }

    /** The layer that owns a Call-ID (only to be used on that layer's worker). */
    public DialogLayer layerFor(String callId) {
        return layers[workers.indexFor(callId)];
    }

    /** Dialogs not yet ended, across workers (a gauge; read racily on purpose). */
    public long activeCount() {
        long n = 0;
        for (DialogLayer l : layers) n += l.size();
        return n;
    }
}
