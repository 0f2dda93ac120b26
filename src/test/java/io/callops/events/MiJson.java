package io.callops.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.mi.MiClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Parses JSON text in tests. */
final class MiJson {
    private MiJson() {}

    static JsonNode read(String text) {
        try {
            return MiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
