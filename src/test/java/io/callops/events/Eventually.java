package io.callops.events;

import java.time.Duration;

/** Waits, within a bound, for something that happens on another thread. */
final class Eventually {
    /** A check that may throw. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private Eventually() {}

    /** True as soon as {@code check} holds; false when {@code wait} passed without it holding. */
    static boolean within(Duration wait, Check check) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (check.holds()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
    }
}
