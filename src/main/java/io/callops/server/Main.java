package io.callops.server;

import io.callops.server.config.CliOptions;
import io.callops.server.config.ParsedCommandLine;
import io.callops.server.config.ServerConfig;
import io.callops.server.logging.LoggingSetup;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Starts callops: reads the command line and configuration, starts the proxy, and on
 * SIGTERM (or Ctrl-C) stops taking new work, lets transactions finish for a few seconds and
 * exits with status 0.
 */
public final class Main {
    /** How long transactions in progress may run on after SIGTERM. */
    static final long SHUTDOWN_GRACE_MS = 4000;

    private Main() {}

    public static void main(String[] args) {
        ParsedCommandLine parsed = CliOptions.parse(args);
        if (parsed instanceof ParsedCommandLine.Exit exit) {
            (exit.isError() ? System.err : System.out).println(exit.text());
            System.exit(exit.exitCode());
            return;
        }
        ServerConfig config = ((ParsedCommandLine.Run) parsed).config();
        NettyTuning.apply();
        LoggingSetup.apply(config.log());
        Logger log = LoggerFactory.getLogger(Main.class);
        ProxyServer server;
        try {
            server = ProxyServer.start(config, Warmup::run);
        } catch (RuntimeException e) {
            log.error("callops could not start: {}", e.getMessage());
            System.err.println("callops: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        // SIGTERM and SIGINT end the process with status 0 after a graceful stop; a plain
        // shutdown hook would leave the JVM's 143/130 as the exit status.
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), sig -> stopRequested.countDown());
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("shutting down");
        server.shutdown(SHUTDOWN_GRACE_MS);
        System.exit(0);
    }
}
