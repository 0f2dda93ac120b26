package io.callops.mi.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The real callops-cli command line, run in the test's JVM with its own stdout, stderr,
 * environment and stop signal (which stands in for SIGINT/SIGTERM).
 */
final class CliRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StopSignal stop = new StopSignal();
    private final Map<String, String> env;

    /** The outcome of a finished run. */
    record Result(int status, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliRun(Map<String, String> env) {
        this.env = env;
    }

    /** Runs to the end. */
    static Result run(Map<String, String> env, String... args) {
        return new CliRun(env).execute(args);
    }

    /** Starts in the background, for commands that wait (events). */
    static Running start(Map<String, String> env, String... args) {
        CliRun run = new CliRun(env);
        return new Running(run, CompletableFuture.supplyAsync(() -> run.execute(args)));
    }

    private Result execute(String[] args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = CallopsCli.run(args, new CliEnvironment(o, e, env, () -> stop));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A run in progress. */
    record Running(CliRun run, CompletableFuture<Result> result) {
        /** What the command says on stdout so far. */
        String out() {
            return run.out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return run.err.toString(StandardCharsets.UTF_8);
        }

        /** Waits until stdout satisfies {@code condition}; fails with what was printed otherwise. */
        void awaitOut(Predicate<String> condition, Duration timeout) throws InterruptedException {
            await(this::out, condition, timeout);
        }

        /** Waits until stderr satisfies {@code condition}, e.g. the line that says it subscribed. */
        void awaitErr(Predicate<String> condition, Duration timeout) throws InterruptedException {
            await(this::err, condition, timeout);
        }

        private void await(Supplier<String> stream, Predicate<String> condition, Duration timeout)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.test(stream.get())) {
                if (System.nanoTime() > deadline || result.isDone()) {
                    throw new AssertionError("the output did not reach the expected state; stdout:\n" + out() + "\nstderr:\n" + err()
                            + (result.isDone() ? "\n(the command has ended: " + result.join().status() + ")" : ""));
                }
                Thread.sleep(20);
            }
        }

        /** What SIGINT or SIGTERM does from a terminal. */
        void interrupt() {
            run.stop.request();
        }

        Result await(Duration timeout) throws Exception {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
