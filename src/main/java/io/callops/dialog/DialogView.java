package io.callops.dialog;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One dialog as {@code dlg_list} shows it, in the layout of the OpenSIPS dialog module. */
final class DialogView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private DialogView() {
    }

    static Map<String, Object> of(Dialog d, boolean withContext) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", d.idText());
        m.put("db_id", d.idText());
        m.put("state", d.state().code());
        m.put("user_flags", 0);
        long start = d.startEpochMs() / 1000;
        m.put("timestart", start);
        m.put("datestart", DATE.format(Instant.ofEpochSecond(start)));
        long out = d.expiresEpochMs() / 1000;
        m.put("timeout", out);
        m.put("dateout", DATE.format(Instant.ofEpochSecond(out)));
        m.put("callid", d.callId());
        m.put("from_uri", nz(d.caller.uri()));
        m.put("to_uri", nz(d.callee.uri()));
        m.put("caller_tag", nz(d.caller.tag));
        m.put("caller_contact", nz(d.caller.contact));
        m.put("callee_cseq", Long.toString(d.caller.generatedCseq != 0 ? d.caller.generatedCseq : d.caller.lastCseq));
        m.put("caller_route_set", String.join(",", d.caller.routeSet));
        m.put("caller_bind_addr", FlowText.bindAddress(d.caller.flow));
        m.put("caller_sdp", nz(d.caller.sdpReceived));
        Map<String, Object> callee = new LinkedHashMap<>();
        callee.put("callee_tag", nz(d.callee.tag));
        callee.put("callee_contact", nz(d.callee.contact));
        callee.put("caller_cseq", Long.toString(d.callee.generatedCseq != 0 ? d.callee.generatedCseq : d.callee.lastCseq));
        callee.put("callee_route_set", String.join(",", d.callee.routeSet));
        callee.put("callee_bind_addr", FlowText.bindAddress(d.callee.flow));
        callee.put("callee_sdp", nz(d.callee.sdpReceived));
        m.put("CALLEES", List.of(callee));
        if (withContext) {
            m.put("context", Map.of("values", new LinkedHashMap<>(d.values())));
        }
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
