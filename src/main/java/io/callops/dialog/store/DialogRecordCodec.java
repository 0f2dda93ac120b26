package io.callops.dialog.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callops.dialog.store.DialogRecord.LegRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dialog record as one JSON document (the {@code data} column). Carries a format version so
 * a later release can still read rows written by this one; unknown fields are ignored.
 */
public final class DialogRecordCodec {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DialogRecordCodec() {
    }

    public static String encode(DialogRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("id", r.id());
        o.put("callId", r.callId());
        o.put("state", r.state());
        o.put("start", r.startEpochMs());
        o.put("expires", r.expiresEpochMs());
        o.put("timeout", r.timeoutS());
        o.put("byeOnTimeout", r.byeOnTimeout());
        o.put("initialCseq", r.initialCseq());
        o.set("caller", leg(r.caller()));
        o.set("callee", leg(r.callee()));
        ObjectNode values = o.putObject("values");
        r.values().forEach((k, v) -> {
            if (v instanceof Long l) values.put(k, l);
            else values.put(k, (String) v);
        });
        return o.toString();
    }

    private static ObjectNode leg(LegRecord l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("header", l.header());
        o.put("tag", l.tag());
        o.put("contact", l.contact());
        ArrayNode routes = o.putArray("routeSet");
        l.routeSet().forEach(routes::add);
        o.put("flow", l.flow());
        o.put("lastCseq", l.lastCseq());
        o.put("generatedCseq", l.generatedCseq());
        o.put("inviteCseqOriginal", l.inviteCseqOriginal());
        o.put("inviteCseqGenerated", l.inviteCseqGenerated());
        o.put("sdpReceived", l.sdpReceived());
        o.put("sdpSent", l.sdpSent());
        return o;
    }

    /** Reads a record; a document this release cannot read is an {@link IOException}. */
    public static DialogRecord decode(String json) throws IOException {
        JsonNode o = JSON.readTree(json);
        if (o == null || !o.isObject()) throw new IOException("not a JSON object");
        int format = o.path("format").asInt(-1);
        if (format != FORMAT) throw new IOException("unknown record format " + format);
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.path("values").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isIntegralNumber()) values.put(e.getKey(), e.getValue().asLong());
            else if (e.getValue().isTextual()) values.put(e.getKey(), e.getValue().asText());
            else throw new IOException("dialog value " + e.getKey() + " is neither text nor integer");
        }
        try {
            return new DialogRecord(o.path("id").asLong(), text(o, "callId"), o.path("state").asInt(),
                    o.path("start").asLong(), o.path("expires").asLong(), o.path("timeout").asInt(),
                    o.path("byeOnTimeout").asBoolean(), leg(o.path("caller")), leg(o.path("callee")), values,
                    o.path("initialCseq").asLong());
        } catch (RuntimeException e) {
            throw new IOException("incomplete dialog record: " + e.getMessage(), e);
        }
    }

    private static LegRecord leg(JsonNode o) throws IOException {
        if (!o.isObject()) throw new IOException("missing leg");
        List<String> routes = new ArrayList<>();
        for (JsonNode r : o.path("routeSet")) routes.add(r.asText());
        return new LegRecord(text(o, "header"), text(o, "tag"), text(o, "contact"), routes, text(o, "flow"),
                o.path("lastCseq").asLong(), o.path("generatedCseq").asLong(), o.path("inviteCseqOriginal").asLong(),
                o.path("inviteCseqGenerated").asLong(), text(o, "sdpReceived"), text(o, "sdpSent"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
