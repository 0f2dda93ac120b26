package io.callops.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callops.dialog.store.DialogRecord.LegRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialogRecordCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row as this release writes it; later releases must keep reading it. */
    private static final String FORMAT_1 = """
            {"format":1,"id":42,"callId":"c1@host","state":4,"start":1000,"expires":2000,"timeout":60,
             "byeOnTimeout":false,"initialCseq":7,
             "caller":{"header":"<sip:a@h>;tag=x","tag":"x","contact":"sip:a@h","routeSet":["<sip:p;lr>"],
                       "flow":null,"lastCseq":7,"generatedCseq":0,"inviteCseqOriginal":0,"inviteCseqGenerated":0,
                       "sdpReceived":null,"sdpSent":null},
             "callee":{"header":"<sip:b@h>;tag=y","tag":"y","contact":"sip:b@h","routeSet":[],
                       "flow":"udp 127.0.0.1:5060 127.0.0.1:5070","lastCseq":1,"generatedCseq":2,
                       "inviteCseqOriginal":7,"inviteCseqGenerated":2,"sdpReceived":"v=0","sdpSent":null},
             "values":{"who":"caf\\u00e9","n":-5}}
            """;

    @Test
    void readsTheFirstFormat() throws IOException {
        DialogRecord r = DialogRecordCodec.decode(FORMAT_1);

        assertThat(r.id()).isEqualTo(42);
        assertThat(r.callId()).isEqualTo("c1@host");
        assertThat(r.caller().routeSet()).containsExactly("<sip:p;lr>");
        assertThat(r.caller().flow()).isNull();
        assertThat(r.callee().inviteCseqGenerated()).isEqualTo(2);
        assertThat(r.values()).isEqualTo(Map.of("who", "café", "n", -5L));
    }

    @Test
    void keepsValueTypesApart() throws IOException {
        DialogRecord r = DialogRecords.call(1, 0);
        r = new DialogRecord(r.id(), r.callId(), r.state(), r.startEpochMs(), r.expiresEpochMs(), r.timeoutS(),
                r.byeOnTimeout(), r.caller(), r.callee(), Map.of("digits", "12", "twelve", 12L), r.initialCseq());

        JsonNode values = JSON.readTree(DialogRecordCodec.encode(r)).get("values");
        DialogRecord back = DialogRecordCodec.decode(DialogRecordCodec.encode(r));

        assertThat(values.get("digits").isTextual()).isTrue();
        assertThat(values.get("twelve").isIntegralNumber()).isTrue();
        assertThat(back.values().get("digits")).isEqualTo("12");
        assertThat(back.values().get("twelve")).isEqualTo(12L);
    }

    @Test
    void writesItsFormatNumber() throws IOException {
        JsonNode doc = JSON.readTree(DialogRecordCodec.encode(DialogRecords.call(9, 1)));

        assertThat(doc.get("format").intValue()).isEqualTo(DialogRecordCodec.FORMAT);
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        doc.put("addedLater", "anything");

        assertThat(DialogRecordCodec.decode(doc.toString())).isEqualTo(DialogRecordCodec.decode(FORMAT_1));
    }

    @Test
    void refusesAnotherFormat() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        doc.put("format", 2);

        assertThatThrownBy(() -> DialogRecordCodec.decode(doc.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("format 2");
    }

    @Test
    void refusesARecordWithoutAFormat() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        doc.remove("format");

        assertThatThrownBy(() -> DialogRecordCodec.decode(doc.toString())).hasMessageContaining("format");
    }

    @Test
    void refusesAMissingNumberRatherThanReadingZero() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        ((ObjectNode) doc.get("callee")).remove("lastCseq");

        assertThatThrownBy(() -> DialogRecordCodec.decode(doc.toString())).hasMessageContaining("callee.lastCseq");
    }

    @Test
    void refusesANumberWrittenAsText() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        doc.put("initialCseq", "7");

        assertThatThrownBy(() -> DialogRecordCodec.decode(doc.toString())).hasMessageContaining("initialCseq");
    }

    @Test
    void refusesANumberPastSixtyFourBits() {
        String tooBig = FORMAT_1.replace("\"id\":42", "\"id\":9223372036854775808");

        assertThatThrownBy(() -> DialogRecordCodec.decode(tooBig)).hasMessageContaining("id");
    }

    @Test
    void refusesAMissingCallId() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        doc.putNull("callId");

        assertThatThrownBy(() -> DialogRecordCodec.decode(doc.toString())).hasMessageContaining("callId");
    }

    @Test
    void refusesAValueThatIsNeitherTextNorInteger() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        ((ObjectNode) doc.get("values")).put("ratio", 0.5);

        assertThatThrownBy(() -> DialogRecordCodec.decode(doc.toString())).hasMessageContaining("ratio");
    }

    @Test
    void refusesARouteThatIsNotText() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(FORMAT_1);
        ((ObjectNode) doc.get("caller")).putArray("routeSet").add(5);

        assertThatThrownBy(() -> DialogRecordCodec.decode(doc.toString())).hasMessageContaining("caller.routeSet");
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> DialogRecordCodec.decode("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> DialogRecordCodec.decode("{\"format\":1,")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> DialogRecordCodec.decode(null)).isInstanceOf(IOException.class);
    }

    @Test
    void keepsNullLegFields() throws IOException {
        LegRecord bare = new LegRecord(null, null, null, List.of(), null, 0, 0, 0, 0, null, null);
        DialogRecord r = new DialogRecord(Long.MIN_VALUE, "", 0, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE,
                false, bare, bare, Map.of(), Long.MAX_VALUE);

        assertThat(DialogRecordCodec.decode(DialogRecordCodec.encode(r))).isEqualTo(r);
    }

    @Test
    void writesLoneSurrogatesAndNonAsciiAsAsciiEscapesAndReadsThemBack() throws IOException {
        String awkward = "caf\u00e9 \ud83d\ude00 lone \ud800 and \udfff";
        LegRecord leg = new LegRecord("<sip:" + awkward + "@example.com>", "t", null, List.of(), null, 1, 0, 0, 0,
                awkward, null);
        DialogRecord r = new DialogRecord(7, "c-" + awkward, 4, 0, 0, 0, false, leg, leg, Map.of("k", awkward), 1);

        String json = DialogRecordCodec.encode(r);

        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
        assertThat(json).containsIgnoringCase("\\ud800").containsIgnoringCase("\\u00e9");
        assertThat(DialogRecordCodec.decode(json)).isEqualTo(r);
    }

    @Test
    void aLargeRecordAfterSmallOnesIsWrittenWhole() throws IOException {
        // The encoding buffer is kept between records; a large one must not be cut or mixed.
        DialogRecord small = DialogRecords.call(1, 0);
        String big = "v=0\r\n" + "a=x\r\n".repeat(10_000);
        LegRecord leg = new LegRecord("<sip:a@example.com>", "t", null, List.of(), null, 1, 0, 0, 0, big, null);
        DialogRecord large = new DialogRecord(2, "c", 4, 0, 0, 0, false, leg, leg, Map.of(), 1);

        DialogRecordCodec.encode(small);
        String json = DialogRecordCodec.encode(large);
        String after = DialogRecordCodec.encode(small);

        assertThat(DialogRecordCodec.decode(json)).isEqualTo(large);
        assertThat(DialogRecordCodec.decode(after)).isEqualTo(small);
    }
}
