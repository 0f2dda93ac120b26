package io.callops.mi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import io.callops.api.MiError;
import io.callops.api.MiParams;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over one request body, with the error codes of the reference MI (§5.4). Knows
 * nothing about HTTP. The command's stage is never waited on: the answer is composed onto it,
 * and counted in {@link MiRequestStats} once it is ready.
 */
final class JsonRpcDispatcher {
    private static final Logger log = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandRegistry registry;
    private final MiRequestStats stats;

    JsonRpcDispatcher(CommandRegistry registry, MiRequestStats stats) {
        this.registry = registry;
        this.stats = stats;
    }

    /** One answered request: the body (empty for a notification) and what to count it as. */
    private record Answer(Optional<byte[]> body, String method, boolean ok) {
        static Answer error(String method, byte[] body) {
            return new Answer(Optional.of(body), method, false);
        }
    }

    /** The response body, or empty for a notification (a request without {@code id}). */
    CompletionStage<Optional<byte[]>> dispatch(byte[] body) {
        long start = System.nanoTime();
        return answer(body).thenApply(a -> {
            stats.record(a.method(), a.ok(), System.nanoTime() - start);
            return a.body();
        });
    }

    private CompletionStage<Answer> answer(byte[] body) {
        String unknown = MiRequestStats.UNKNOWN;
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return done(Answer.error(unknown, error(NullNode.instance, -32700, "Parse error", null)));
        }
        if (request == null || request.isMissingNode()) {
            return done(Answer.error(unknown, error(NullNode.instance, -32700, "Parse error", null)));
        }
        // Batches are not served: the reference MI does not either, and one request per POST keeps
        // every answer's HTTP status meaningful.
        if (!request.isObject()) {
            return done(Answer.error(unknown, error(NullNode.instance, -32600, "Invalid Request", null)));
        }
        JsonNode id = request.get("id");
        boolean notification = id == null;
        JsonNode echoId = validId(id) ? id : NullNode.instance;
        JsonNode version = request.get("jsonrpc");
        JsonNode method = request.get("method");
        JsonNode params = request.get("params");
        if (version == null || !version.isTextual() || !version.asText().equals("2.0") || method == null
                || !method.isTextual() || !validId(id) || (params != null && !params.isContainerNode() && !params.isNull())) {
            return done(Answer.error(unknown, error(echoId, -32600, "Invalid Request", null)));
        }
        Optional<MiCommand> command = registry.lookup(method.asText());
        if (command.isEmpty()) {
            return done(notification ? new Answer(Optional.empty(), unknown, false)
                    : Answer.error(unknown, error(echoId, -32601, "Method not found", null)));
        }
        CompletionStage<Object> outcome;
        try {
            MiParams bound = MiParams.bind(command.get().parameterSets(), JSON.convertValue(params, Object.class));
            outcome = command.get().handle(bound);
            if (outcome == null) {
                outcome = CompletableFuture.completedFuture(null);
            }
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        String name = method.asText();
        // Counted under the command's own name, so that aliases do not add label values.
        String counted = command.get().name();
        return outcome.handle((result, failure) -> {
            if (notification) {
                if (failure != null) {
                    log.debug("MI notification {} failed: {}", name, failure.toString());
                }
                return new Answer(Optional.empty(), counted, failure == null && result != null);
            }
            return failure == null ? resultOrError(echoId, name, counted, result)
                    : Answer.error(counted, failureBody(echoId, name, failure));
        });
    }

    private static Answer resultOrError(JsonNode id, String method, String counted, Object result) {
        if (result == null) {
            return Answer.error(counted, error(id, -32000, "Server error", "Command handler returned null"));
        }
        try {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("jsonrpc", "2.0");
            out.set("result", JSON.valueToTree(result));
            out.set("id", id);
            return new Answer(Optional.of(JSON.writeValueAsBytes(out)), counted, true);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            log.error("MI command {} returned a value that is not JSON", method, e);
            return Answer.error(counted, error(id, -32603, "Internal error", null));
        }
    }

    private static byte[] failureBody(JsonNode id, String method, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof MiError e) {
            return error(id, e.code(), e.message(), e.data());
        }
        log.error("MI command {} failed", method, cause);
        return error(id, -32603, "Internal error", null);
    }

    /** JSON-RPC 2.0 ids are strings, numbers or null; absent means a notification. */
    private static boolean validId(JsonNode id) {
        return id == null || id.isTextual() || id.isNumber() || id.isNull();
    }

    private static byte[] error(JsonNode id, int code, String message, String data) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("jsonrpc", "2.0");
        ObjectNode err = out.putObject("error");
        err.put("code", code);
        err.put("message", message);
        if (data != null) {
            err.put("data", data);
        }
        out.set("id", id);
        try {
            return JSON.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON-RPC error", e);
        }
    }

    private static CompletionStage<Answer> done(Answer answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
