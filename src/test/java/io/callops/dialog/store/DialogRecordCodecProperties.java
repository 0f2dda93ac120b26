package io.callops.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DialogRecordCodecProperties {

    @Property(tries = 500)
    void everyRecordReadsBackEqual(@ForAll("records") DialogRecord r) throws IOException {
        assertThat(DialogRecordCodec.decode(DialogRecordCodec.encode(r))).isEqualTo(r);
    }

    @Property(tries = 200)
    void theDocumentIsPlainAscii(@ForAll("records") DialogRecord r) {
        // JSON escapes the controls below 0x20; DEL (0x7f) is ASCII, passes any UTF-8 conversion
        // unchanged, and Jackson writes it as it is: the codec promises ASCII, not printable.
        assertThat(DialogRecordCodec.encode(r).chars()).allMatch(c -> c >= 0x20 && c <= 0x7f);
    }

    @Provide
    Arbitrary<DialogRecord> records() {
        return DialogRecordArbitraries.records();
    }
}
