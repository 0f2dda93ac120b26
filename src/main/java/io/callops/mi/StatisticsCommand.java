package io.callops.mi;

import io.callops.api.MiCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code get_statistics statistics=[names]}: {@code {"group:name": value}}. */
final class StatisticsCommand {
    private StatisticsCommand() {}

    static MiCommand create(Statistics statistics) {
        return new MiCommand("get_statistics", List.of(), "counter values by name, group: or all",
                List.of(List.of("statistics")),
                p -> CompletableFuture.completedFuture(statistics.select(p.strings("statistics"))));
    }
}
