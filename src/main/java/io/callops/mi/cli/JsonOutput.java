package io.callops.mi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * How results are printed: indented by four spaces with {@code "key": value}, the layout of
 * opensips-cli's default {@code pretty-print} output, so scripts written against one read the other.
 */
final class JsonOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY;
    private static final ObjectWriter COMPACT = JSON.writer();

    static {
        DefaultIndenter fourSpaces = new DefaultIndenter("    ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(fourSpaces);
        printer.indentArraysWith(fourSpaces);
        PRETTY = JSON.writer(printer);
    }

    private JsonOutput() {}

    static String pretty(JsonNode value) {
        return write(PRETTY, value);
    }

    static String compact(JsonNode value) {
        return write(COMPACT, value);
    }

    private static String write(ObjectWriter writer, JsonNode value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree cannot be written back", e);
        }
    }
}
