package io.callops.mi;

import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code version}, {@code uptime} and {@code which}, answered in the shapes OpenSIPS uses. */
final class ServerInfoCommands {
    /** ctime(3) layout, which OpenSIPS's uptime prints: "Thu Nov 26 16:55:49 2026". */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private ServerInfoCommands() {}

    static void register(CommandRegistry registry, Clock clock) {
        String server = "callops " + version();
        registry.register(MiCommand.of("version", "the server name and version",
                p -> CompletableFuture.completedFuture(Map.of("Server", server))));

        Instant since = clock.instant();
        // Up time on the monotonic clock, so that a wall-clock step does not change it.
        long startNanos = System.nanoTime();
        registry.register(MiCommand.of("uptime", "when the server started and for how long it has run", p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("Now", ctime(clock.instant(), clock.getZone()));
            out.put("Up since", ctime(since, clock.getZone()));
            out.put("Up time", (System.nanoTime() - startNanos) / 1_000_000_000L + " [sec]");
            return CompletableFuture.completedFuture(out);
        }));

        registry.register(MiCommand.of("which", "the names of all commands", p -> {
            List<String> names = registry.list().stream().map(MiCommand::name).toList();
            return CompletableFuture.completedFuture(names);
        }));
    }

    /** The jar's Implementation-Version; "dev" when run from classes, as in the tests. */
    static String version() {
        String v = ServerInfoCommands.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    private static String ctime(Instant t, ZoneId zone) {
        return CTIME.format(t.atZone(zone));
    }
}
