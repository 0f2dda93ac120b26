package io.callops.dialog.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.callops.dialog.store.DialogRecord.LegRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dialog record as one JSON document (the {@code data} column of the store).
 *
 * <p>The document carries {@code "format"}: a release that changes the layout raises it and
 * keeps reading the older numbers; fields it does not know are ignored, so adding an
 * optional field needs no new number. Decoding is strict about what this format requires:
 * a missing or mistyped field is an error rather than a silent zero, because a dialog
 * recovered with a wrong CSeq or route set does more harm than one not recovered.
 *
 * <p>Every character outside ASCII is written as a JSON escape (backslash, u, four hex digits),
 * so the text survives any conversion to and from UTF-8 on its way to the file, even a lone
 * surrogate.
 */
public final class DialogRecordCodec {
    /** The layout written by this release. */
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Encoding buffer of each thread (in practice the store's writer), kept between records. */
    private static final ThreadLocal<ByteArrayOutputStream> BUFFER = ThreadLocal.withInitial(ByteArrayOutputStream::new);
    /** A buffer grown past this by one large record is not kept. */
    private static final int KEPT_BUFFER_BYTES = 16 * 1024;

    private DialogRecordCodec() {
    }

    /** The document as text. */
    public static String encode(DialogRecord r) {
        return new String(encodeAscii(r), StandardCharsets.US_ASCII);
    }

    /**
     * The document as ASCII bytes, which are also its UTF-8 bytes: what the store binds, so that
     * the driver does not encode a String of it once more.
     */
    public static byte[] encodeAscii(DialogRecord r) {
        // Streamed rather than built as a tree, into a buffer kept by the thread: the writer
        // thread encodes every changed dialog of a round, and the tree's nodes or a fresh,
        // growing buffer per record would be most of that work's garbage.
        ByteArrayOutputStream out = BUFFER.get();
        out.reset();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeNumberField("id", r.id());
            g.writeStringField("callId", r.callId());
            g.writeNumberField("state", r.state());
            g.writeNumberField("start", r.startEpochMs());
            g.writeNumberField("expires", r.expiresEpochMs());
            g.writeNumberField("timeout", r.timeoutS());
            g.writeBooleanField("byeOnTimeout", r.byeOnTimeout());
            g.writeNumberField("initialCseq", r.initialCseq());
            encodeLeg(g, "caller", r.caller());
            encodeLeg(g, "callee", r.callee());
            g.writeObjectFieldStart("values");
            for (Map.Entry<String, Object> v : r.values().entrySet()) {
                // The record admits only these two types; JSON keeps them apart (string vs number).
                if (v.getValue() instanceof Long l) {
                    g.writeNumberField(v.getKey(), l);
                } else {
                    g.writeStringField(v.getKey(), (String) v.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            // Writing into memory does not fail; reaching this is a bug.
            throw new UncheckedIOException("dialog " + r.id() + " cannot be written as JSON", e);
        }
        // Every character outside ASCII was escaped: the bytes are ASCII.
        byte[] json = out.toByteArray();
        if (out.size() > KEPT_BUFFER_BYTES) {
            BUFFER.remove();
        }
        return json;
    }

    /** Writes a leg; a null text field is written as JSON null. */
    private static void encodeLeg(JsonGenerator g, String name, LegRecord l) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("header", l.header());
        g.writeStringField("tag", l.tag());
        g.writeStringField("contact", l.contact());
        g.writeArrayFieldStart("routeSet");
        for (String route : l.routeSet()) g.writeString(route);
        g.writeEndArray();
        g.writeStringField("flow", l.flow());
        g.writeNumberField("lastCseq", l.lastCseq());
        g.writeNumberField("generatedCseq", l.generatedCseq());
        g.writeNumberField("inviteCseqOriginal", l.inviteCseqOriginal());
        g.writeNumberField("inviteCseqGenerated", l.inviteCseqGenerated());
        g.writeStringField("sdpReceived", l.sdpReceived());
        g.writeStringField("sdpSent", l.sdpSent());
        g.writeStringField("sdpVersionSeen", l.sdpVersionSeen());
        g.writeStringField("sdpVersionShift", l.sdpVersionShift());
        g.writeStringField("sdpSeenDigest", l.sdpSeenDigest());
        g.writeEndObject();
    }

    /**
     * Reads a record written by this release or an older one.
     *
     * @throws IOException the text is not JSON, has a format this release cannot read, or lacks
     *                     a field the format requires; the message says which
     */
    public static DialogRecord decode(String json) throws IOException {
        if (json == null) throw new IOException("no data");
        JsonNode o = JSON.readTree(json);
        if (o == null || !o.isObject()) throw new IOException("not a JSON object");
        JsonNode format = o.get("format");
        if (format == null || !format.isInt()) throw new IOException("no record format");
        if (format.intValue() != FORMAT) {
            throw new IOException("record format " + format.intValue() + " is not readable by this release (reads "
                    + FORMAT + ")");
        }
        return new DialogRecord(longField(o, "id"), requiredText(o, "callId"), intField(o, "state"),
                longField(o, "start"), longField(o, "expires"), intField(o, "timeout"), boolField(o, "byeOnTimeout"),
                decodeLeg(o, "caller"), decodeLeg(o, "callee"), decodeValues(o), longField(o, "initialCseq"));
    }

    private static LegRecord decodeLeg(JsonNode parent, String name) throws IOException {
        JsonNode o = parent.get(name);
        if (o == null || !o.isObject()) throw new IOException("no " + name + " leg");
        JsonNode routeNodes = o.get("routeSet");
        if (routeNodes == null || !routeNodes.isArray()) throw new IOException(name + ".routeSet is not a list");
        List<String> routes = new ArrayList<>(routeNodes.size());
        for (JsonNode r : routeNodes) {
            if (!r.isTextual()) throw new IOException(name + ".routeSet holds a " + r.getNodeType());
            routes.add(r.textValue());
        }
        try {
            return new LegRecord(optionalText(o, "header"), optionalText(o, "tag"), optionalText(o, "contact"), routes,
                    optionalText(o, "flow"), longField(o, "lastCseq"), longField(o, "generatedCseq"),
                    longField(o, "inviteCseqOriginal"), longField(o, "inviteCseqGenerated"),
                    optionalText(o, "sdpReceived"), optionalText(o, "sdpSent"),
                    // absent in records written before SDP versions were kept: read as null
                    optionalText(o, "sdpVersionSeen"), optionalText(o, "sdpVersionShift"),
                    optionalText(o, "sdpSeenDigest"));
        } catch (IOException e) {
            throw new IOException(name + "." + e.getMessage(), e);
        }
    }

    private static Map<String, Object> decodeValues(JsonNode o) throws IOException {
        JsonNode values = o.get("values");
        if (values == null || !values.isObject()) throw new IOException("values is not an object");
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.put(e.getKey(), v.textValue());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                out.put(e.getKey(), v.longValue());
            } else {
                throw new IOException("value " + e.getKey() + " is neither text nor a 64-bit integer");
            }
        }
        return out;
    }

    private static long longField(JsonNode o, String name) throws IOException {
        JsonNode n = o.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IOException(name + " is not a 64-bit integer");
        }
        return n.longValue();
    }

    private static int intField(JsonNode o, String name) throws IOException {
        JsonNode n = o.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IOException(name + " is not a 32-bit integer");
        }
        return n.intValue();
    }

    private static boolean boolField(JsonNode o, String name) throws IOException {
        JsonNode n = o.get(name);
        if (n == null || !n.isBoolean()) throw new IOException(name + " is not true or false");
        return n.booleanValue();
    }

    private static String requiredText(JsonNode o, String name) throws IOException {
        String s = optionalText(o, name);
        if (s == null) throw new IOException(name + " is missing");
        return s;
    }

    /** A field the record allows to be null: JSON null (or absent) reads as null. */
    private static String optionalText(JsonNode o, String name) throws IOException {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new IOException(name + " is not text");
        return n.textValue();
    }
}
