package io.callops.mi;

import io.callops.api.CommandRegistry;

/** Registers the commands every callops answers, whatever else is loaded. */
public final class CoreCommands {
    private CoreCommands() {}

    public static void register(CommandRegistry registry, CoreSources sources) {
        ServerInfoCommands.register(registry, sources.clock());
        registry.register(StatisticsCommand.create(Statistics.core(sources)));
        registry.register(UlDumpCommand.create(sources.location()));
        registry.register(ReloadRoutesCommand.create(sources.routes(), sources.blocking()));
    }
}
