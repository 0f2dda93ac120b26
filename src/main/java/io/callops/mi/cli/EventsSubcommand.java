package io.callops.mi.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.callops.transport.IpLiterals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callops-cli events EVENT...}: subscribes a local UDP socket to the events and prints
 * each event as one line of JSON until stopped (SIGINT, SIGTERM), {@code --count} events or
 * {@code --timeout}; then unsubscribes.
 */
@Command(name = "events",
        mixinStandardHelpOptions = true,
        description = "Subscribes to events and prints each one as a line of JSON on stdout as it arrives.",
        footer = {"%nSubscribes a local UDP socket with the MI command event_subscribe (udp:IP:PORT) and",
                "renews the subscription before it expires. Ctrl-C or SIGTERM unsubscribes and exits 0."})
final class EventsSubcommand implements Callable<Integer> {
    /** How often the loop looks at the stop signal while no event comes. */
    private static final int POLL_MILLIS = 200;
    /** After a failed renewal, try again this soon (or sooner when the renewal period is shorter). */
    private static final long RETRY_MILLIS = 5_000;

    @Parameters(arity = "1..*", paramLabel = "EVENT", description = "event names, e.g. E_CALL_TRANSFER E_CALL_HOLD")
    private List<String> events;

    @Option(names = "--address", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "the address to receive events on, as the proxy will send to it (default ${DEFAULT-VALUE})")
    private String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "the UDP port to receive events on (default: any free port)")
    private int port;

    @Option(names = "--expire", paramLabel = "SECONDS", defaultValue = "3600",
            description = "subscription lifetime asked of the MI; renewed before it runs out (default ${DEFAULT-VALUE})")
    private int expireSeconds;

    @Option(names = "--count", paramLabel = "N", description = "exit 0 after N events")
    private Integer count;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "stop after SECONDS; with --count, exit 4 if fewer than N events came")
    private Integer timeoutSeconds;

    @Spec
    private CommandSpec spec;

    private final CallopsCli root;

    EventsSubcommand(CallopsCli root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        checkOptions();
        CliEnvironment io = root.environment();
        MiHttpClient mi = root.client(spec.commandLine());
        // Everything but the events goes to stderr, so that stdout is exactly one event per line.
        Consumer<String> say = message -> io.err().println("callops-cli: " + message);
        try (DatagramEventReceiver receiver = bind()) {
            EventSubscriptions subscriptions = new EventSubscriptions(mi, receiver.socketUri(), expireSeconds);
            StopSignal stop = io.stopSignal().get();
            // Signals are handled by the loop; the hook covers the other ways a JVM ends (SIGHUP,
            // System.exit elsewhere) so that the proxy does not keep sending to a dead port.
            Thread hook = new Thread(() -> subscriptions.cancelAll(say), "callops-cli-unsubscribe");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                for (String event : events) {
                    MiReply reply = subscriptions.subscribe(event);
                    if (reply.isError()) {
                        say.accept("cannot subscribe to " + event + ": " + JsonOutput.compact(reply.error()));
                        return ExitStatus.MI_ERROR;
                    }
                }
                say.accept("subscribed " + receiver.socketUri() + " to " + String.join(", ", events));
                return listen(receiver, subscriptions, stop, io, say);
            } catch (MiUnreachableException e) {
                say.accept(e.getMessage());
                return ExitStatus.UNREACHABLE;
            } finally {
                subscriptions.cancelAll(say);
                removeHook(hook);
            }
        } catch (IOException e) {
            say.accept("cannot receive events on udp " + address + ":" + port + ": " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    private int listen(DatagramEventReceiver receiver, EventSubscriptions subscriptions, StopSignal stop,
                       CliEnvironment io, Consumer<String> say) throws IOException {
        long start = System.nanoTime();
        long poll = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
        // Renewed after two thirds of its life: early enough that one slow answer does not lose it.
        long renewEvery = Math.max(TimeUnit.MILLISECONDS.toNanos(500), TimeUnit.SECONDS.toNanos(expireSeconds) * 2 / 3);
        long retryEvery = Math.min(renewEvery, TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
        long nextRenewal = start + renewEvery;
        int received = 0;
        while (!stop.requested() && (count == null || received < count)) {
            long now = System.nanoTime();
            // Times are compared as differences: System.nanoTime() may be negative and wraps.
            long untilTimeout = timeoutSeconds == null ? poll : start + TimeUnit.SECONDS.toNanos(timeoutSeconds) - now;
            if (untilTimeout <= 0) {
                return count != null ? ExitStatus.TIMED_OUT : ExitStatus.OK;
            }
            if (nextRenewal - now <= 0) {
                nextRenewal = now + (subscriptions.renewAll(say) ? renewEvery : retryEvery);
            }
            long wait = Math.min(Math.min(untilTimeout, nextRenewal - now), poll);
            Optional<String> event = receiver.next((int) TimeUnit.NANOSECONDS.toMillis(wait), say);
            if (event.isPresent()) {
                io.out().println(event.get());
                io.out().flush();
                if (io.out().checkError()) {
                    // Whoever read the events is gone (e.g. "| head -1"): no one wants the next one.
                    say.accept("stdout is closed; stopping");
                    return ExitStatus.OK;
                }
                received++;
            }
        }
        return ExitStatus.OK;
    }

    private void checkOptions() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        if (expireSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--expire must be at least 1 second, not " + expireSeconds);
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, not " + timeoutSeconds);
        }
    }

    private DatagramEventReceiver bind() throws IOException {
        InetAddress ip;
        try {
            // Literal addresses only: the proxy is told this address, so a name would be resolved twice.
            if (!IpLiterals.isIpLiteral(address)) {
                throw new UnknownHostException("not an IP address");
            }
            ip = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--address must be an IP address, not '" + address + "'");
        }
        if (ip.isAnyLocalAddress()) {
            throw new ParameterException(spec.commandLine(),
                    "--address must be the address the proxy sends to, not the wildcard " + address);
        }
        return DatagramEventReceiver.bind(ip, port);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook runs (or ran) anyway; cancelAll runs only once.
        }
    }
}
