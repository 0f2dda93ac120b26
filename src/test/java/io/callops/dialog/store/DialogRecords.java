package io.callops.dialog.store;

import io.callops.dialog.store.DialogRecord.LegRecord;
import java.util.List;
import java.util.Map;

/** Plausible dialog records for the store's tests. */
final class DialogRecords {
    private DialogRecords() {
    }

    /** A confirmed call with routes, SDP and both kinds of values; {@code version} goes into CSeqs and a value. */
    static DialogRecord call(long id, long version) {
        LegRecord caller = new LegRecord("<sip:alice@example.com>;tag=a" + id, "a" + id, "sip:alice@192.0.2.10:5060",
                List.of("<sip:edge.example.com;lr>"), "udp 192.0.2.1:5060 192.0.2.10:5060", 1 + version, 0, 0, 0,
                "v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\n", null);
        LegRecord callee = new LegRecord("<sip:bob@example.com>;tag=b" + id, "b" + id, "sip:bob@192.0.2.20:5080",
                List.of(), null, 1, 100 + version, 1 + version, 100 + version, null, "v=0\r\n");
        return new DialogRecord(id, "call-" + id + "@192.0.2.10", 4, 1_700_000_000_000L, 1_700_000_000_000L + 3_600_000,
                3600, true, caller, callee, Map.of("account", "acme", "version", version), 1);
    }
}
