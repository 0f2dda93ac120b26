package io.callops.mi;

import io.callops.api.MiCommand;
import io.callops.api.MiError;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** {@code reload_routes}: re-reads the routes file and answers {@code {"routes": n}}. */
final class ReloadRoutesCommand {
    private ReloadRoutesCommand() {}

    static MiCommand create(RouteReloader routes, Executor blocking) {
        // Reading the file is blocking I/O, so it runs on the given executor, never on the MI loop.
        return MiCommand.of("reload_routes", "re-read the static routes and the routes file",
                p -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return (Object) Map.of("routes", routes.reload());
                    } catch (RuntimeException e) {
                        throw new CompletionException(new MiError(500, "Routes not reloaded: " + e.getMessage()));
                    }
                }, blocking));
    }
}
