package io.callops.api;

import java.util.concurrent.CompletionStage;

/**
 * What a management command does. It is called on the MI's I/O thread, so it must not block:
 * slow work goes to another executor and the stage completes from there.
 */
@FunctionalInterface
public interface MiHandler {
    /**
     * @return a stage completing with a JSON-able value (Map, List, String, Number, Boolean),
     *         or failing with {@link MiError} (any other failure is answered as an internal error)
     */
    CompletionStage<Object> handle(MiParams params);
}
