package io.callops.events;

import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;

/** Netty futures as CompletableFutures, so one delivery's steps can be chained. */
final class NettyFutures {
    private NettyFutures() {}

    static <T> CompletableFuture<T> toCompletable(Future<T> f) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.addListener(done -> {
            if (done.isSuccess()) {
                out.complete(f.getNow());
            } else {
                out.completeExceptionally(done.cause());
            }
        });
        return out;
    }
}
