package io.callops.mi.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the MI answered: a result, or a JSON-RPC error object ({@code code}, {@code message},
 * optional {@code data}). Read the way opensips-cli reads it: an {@code error} object wins.
 */
record MiReply(JsonNode result, JsonNode error) {
    static MiReply ofResult(JsonNode result) {
        return new MiReply(result, null);
    }

    static MiReply ofError(JsonNode error) {
        return new MiReply(null, error);
    }

    boolean isError() {
        return error != null;
    }
}
