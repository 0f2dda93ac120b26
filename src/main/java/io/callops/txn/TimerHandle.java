package io.callops.txn;

/** A scheduled timer; cancelling one that already fired or was cancelled does nothing. */
@FunctionalInterface
public interface TimerHandle {
    void cancel();

    TimerHandle NONE = () -> { };
}
