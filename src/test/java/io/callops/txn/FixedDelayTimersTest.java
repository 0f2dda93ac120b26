package io.callops.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FixedDelayTimersTest {
    private final AtomicLong now = new AtomicLong(1000);
    private final List<Runnable> handedToWorker = new ArrayList<>();
    private boolean onWorker = true;
    private final FixedDelayTimers timers = new FixedDelayTimers(now::get, handedToWorker::add, () -> onWorker);
    private final List<String> fired = new ArrayList<>();

    @Test
    void timersFireInDueOrderOncePerDelayQueue() {
        timers.add(() -> fired.add("a32"), 32_000);
        now.addAndGet(10);
        timers.add(() -> fired.add("b5"), 5_000);
        timers.add(() -> fired.add("c32"), 32_000);
        now.set(1000 + 5_009);
        timers.runDue();
        assertThat(fired).isEmpty();
        now.set(1000 + 5_010);
        timers.runDue();
        assertThat(fired).containsExactly("b5");
        now.set(1000 + 32_000);
        timers.runDue();
        assertThat(fired).containsExactly("b5", "a32");
        now.set(1000 + 32_010);
        timers.runDue();
        assertThat(fired).containsExactly("b5", "a32", "c32");
        assertThat(timers.size()).isZero();
    }

    @Test
    void rareDelaysAreRefusedOnceTheQueuesAreUsedUp() {
        for (int i = 0; i < FixedDelayTimers.MAX_QUEUES; i++) {
            assertThat(timers.takes(2_000 + i)).isTrue();
            timers.add(() -> { }, 2_000 + i);
        }
        // A delay that has its queue is still taken; a new one goes elsewhere (the worker's scheduler).
        assertThat(timers.takes(2_000)).isTrue();
        assertThat(timers.takes(99_999)).isFalse();
        assertThatThrownBy(() -> timers.add(() -> { }, 99_999)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancelledTimerNeverFiresAndLeavesItsQueueAtOnce() {
        TimerHandle h = timers.add(() -> fired.add("x"), 2_000);
        timers.add(() -> fired.add("y"), 2_000);
        h.cancel();
        h.cancel(); // twice is harmless
        assertThat(timers.size()).isOne();
        now.addAndGet(2_000);
        timers.runDue();
        assertThat(fired).containsExactly("y");
        assertThat(timers.size()).isZero();
    }

    @Test
    void cancellingHeadMiddleAndTailKeepsTheRestInOrder() {
        List<TimerHandle> h = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            h.add(timers.add(() -> fired.add("t" + n), 3_000));
            now.addAndGet(1);
        }
        h.get(0).cancel();
        h.get(2).cancel();
        h.get(4).cancel();
        assertThat(timers.size()).isEqualTo(2);
        h.get(3).cancel();
        h.add(timers.add(() -> fired.add("t5"), 3_000));
        now.addAndGet(3_000);
        timers.runDue();
        assertThat(fired).containsExactly("t1", "t5");
        assertThat(timers.size()).isZero();
        h.get(1).cancel(); // after firing: nothing happens
        assertThat(timers.size()).isZero();
    }

    @Test
    void aCancelFromAnotherThreadStopsTheTimerAndLeavesTheQueueOnTheWorker() {
        TimerHandle h = timers.add(() -> fired.add("x"), 2_000);
        onWorker = false;
        h.cancel();
        onWorker = true;
        assertThat(handedToWorker).hasSize(1);
        assertThat(timers.size()).isOne(); // still linked until the worker runs the hand-over
        handedToWorker.get(0).run();
        assertThat(timers.size()).isZero();
        now.addAndGet(2_000);
        timers.runDue();
        assertThat(fired).isEmpty();
    }

    @Test
    void aCancelFromAnotherThreadAfterTheWorkerStoppedIsHarmless() {
        FixedDelayTimers stopped = new FixedDelayTimers(now::get, task -> {
            throw new java.util.concurrent.RejectedExecutionException("event executor terminated");
        }, () -> false);
        TimerHandle h = stopped.add(() -> fired.add("x"), 2_000);
        h.cancel();
        now.addAndGet(2_000);
        stopped.runDue();
        assertThat(fired).isEmpty();
    }

    @Test
    void manyCancelledTimersHoldNothing() {
        for (int i = 0; i < 100_000; i++) {
            timers.add(() -> fired.add("never"), 43_200_000).cancel();
        }
        assertThat(timers.size()).isZero();
    }

    @Test
    void aTimerMaySetATimerOfANewDelayWhileFiring() {
        timers.add(() -> timers.add(() -> fired.add("new delay"), 7_000), 1_000);
        now.addAndGet(1_000);
        timers.runDue();
        now.addAndGet(7_000);
        timers.runDue();
        assertThat(fired).containsExactly("new delay");
    }

    @Test
    void aTimerSetWhileFiringRunsOnALaterTick() {
        timers.add(() -> timers.add(() -> fired.add("second"), 1_000), 1_000);
        now.addAndGet(1_000);
        timers.runDue();
        assertThat(fired).isEmpty();
        now.addAndGet(1_000);
        timers.runDue();
        assertThat(fired).containsExactly("second");
    }
}
