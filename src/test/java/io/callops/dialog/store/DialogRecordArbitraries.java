package io.callops.dialog.store;

import io.callops.dialog.store.DialogRecord.LegRecord;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitrary dialog records: any text (quotes, escapes, control characters, lone surrogates), nulls where allowed, extreme numbers. */
final class DialogRecordArbitraries {
    private DialogRecordArbitraries() {
    }

    static Arbitrary<DialogRecord> records() {
        Arbitrary<long[]> times = Arbitraries.longs().array(long[].class).ofSize(3);
        Arbitrary<int[]> smallNumbers = Arbitraries.integers().array(int[].class).ofSize(2);
        return Combinators.combine(Arbitraries.longs(), text(), smallNumbers, times, Arbitraries.of(true, false), legs(),
                legs(), values()).as((id, callId, ints, longs, bye, caller, callee, values) ->
                new DialogRecord(id, callId, ints[0], longs[0], longs[1], ints[1], bye, caller, callee, values, longs[2]));
    }

    static Arbitrary<LegRecord> legs() {
        Arbitrary<String> nullable = text().injectNull(0.2);
        Arbitrary<long[]> cseqs = Arbitraries.longs().array(long[].class).ofSize(4);
        Arbitrary<List<String>> routes = text().list().ofMaxSize(4);
        Arbitrary<List<String>> versions = nullable.list().ofSize(3);
        return Combinators.combine(nullable, nullable, nullable, routes, nullable, cseqs, nullable, nullable)
                .as((header, tag, contact, routeSet, flow, n, sdpReceived, sdpSent) -> new LegRecord(header, tag,
                        contact, routeSet, flow, n[0], n[1], n[2], n[3], sdpReceived, sdpSent))
                .flatMap(l -> versions.map(v -> new LegRecord(l.header(), l.tag(), l.contact(), l.routeSet(), l.flow(),
                        l.lastCseq(), l.generatedCseq(), l.inviteCseqOriginal(), l.inviteCseqGenerated(),
                        l.sdpReceived(), l.sdpSent(), v.get(0), v.get(1), v.get(2))));
    }

    static Arbitrary<Map<String, Object>> values() {
        Arbitrary<Object> value = Arbitraries.oneOf(text().map(s -> (Object) s), Arbitraries.longs().map(l -> (Object) l));
        return Arbitraries.maps(text(), value).ofMaxSize(5);
    }

    /** Any UTF-16 text, or text made mostly of the characters JSON must escape. */
    static Arbitrary<String> text() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(24);
        Arbitrary<String> awkward = Arbitraries.strings().withChars("\"\\'/\n\r\t\u0000\u001f\u2028é€😀 {}[]:,")
                .ofMaxLength(24);
        return Arbitraries.oneOf(any, awkward);
    }
}
