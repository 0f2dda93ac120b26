package io.callops.mi.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a run of callops-cli talks to, passed in rather than taken from {@code System} so that
 * tests run the real command in-process.
 *
 * @param stopSignal gives the signal that ends {@code events}; asked for only by {@code events},
 *                   because taking over SIGINT would keep Ctrl-C from ending a stuck {@code mi}
 */
record CliEnvironment(PrintStream out, PrintStream err, Map<String, String> env, Supplier<StopSignal> stopSignal) {
}
