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
 * nothing about HTTP. The command's stage is never waited on: the answer is composed onto it.
 */
final class JsonRpcDispatcher {
    private static final Logger log = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandRegistry registry;

    JsonRpcDispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    /** The response body, or empty for a notification (a request without {@code id}). */
    CompletionStage<Optional<byte[]>> dispatch(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return answer(error(NullNode.instance, -32700, "Parse error", null));
        }
        if (request == null || request.isMissingNode()) {
            return answer(error(NullNode.instance, -32700, "Parse error", null));
        }
        // Batches are not served: the reference MI does not either, and one request per POST keeps
        // every answer's HTTP status meaningful.
        if (!request.isObject()) {
            return answer(error(NullNode.instance, -32600, "Invalid Request", null));
        }
        JsonNode id = request.get("id");
        boolean notification = id == null;
        JsonNode echoId = validId(id) ? id : NullNode.instance;
        JsonNode version = request.get("jsonrpc");
        JsonNode method = request.get("method");
        JsonNode params = request.get("params");
        if (version == null || !version.isTextual() || !version.asText().equals("2.0") || method == null
                || !method.isTextual() || !validId(id) || (params != null && !params.isContainerNode() && !params.isNull())) {
            return answer(error(echoId, -32600, "Invalid Request", null));
        }
        Optional<MiCommand> command = registry.lookup(method.asText());
        if (command.isEmpty()) {
            return notification ? silence() : answer(error(echoId, -32601, "Method not found", null));
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
        return outcome.handle((result, failure) -> {
            if (notification) {
                if (failure != null) {
                    log.debug("MI notification {} failed: {}", name, failure.toString());
                }
                return Optional.<byte[]>empty();
            }
            return Optional.of(failure == null ? resultOrError(echoId, name, result) : failureBody(echoId, name, failure));
        });
    }

    private static byte[] resultOrError(JsonNode id, String method, Object result) {
        if (result == null) {
            return error(id, -32000, "Server error", "Command handler returned null");
        }
        try {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("jsonrpc", "2.0");
            out.set("result", JSON.valueToTree(result));
            out.set("id", id);
            return JSON.writeValueAsBytes(out);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            log.error("MI command {} returned a value that is not JSON", method, e);
            return error(id, -32603, "Internal error", null);
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

    private static CompletionStage<Optional<byte[]>> answer(byte[] body) {
        return CompletableFuture.completedFuture(Optional.of(body));
    }

    private static CompletionStage<Optional<byte[]>> silence() {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
