package io.callops.dialog;

import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import io.callops.api.MiError;
import io.callops.api.MiParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The dialog layer's management commands, with the OpenSIPS dialog module's names,
 * parameter sets and result layout: {@code dlg_list}, {@code dlg_list_ctx} and
 * {@code dlg_end_dlg} (and their 4.x {@code dialog:} names).
 */
public final class DialogCommands {
    private static final List<List<String>> LIST_SETS = List.of(List.of(), List.of("callid"),
            List.of("callid", "from_tag"), List.of("index", "counter"));

    private DialogCommands() {
    }

    public static void register(CommandRegistry registry, Dialogs dialogs) {
        registry.register(new MiCommand("dlg_list", List.of("dialog:list"), "list dialogs", LIST_SETS,
                p -> list(dialogs, p, false)));
        registry.register(new MiCommand("dlg_list_ctx", List.of("dialog:list_ctx"), "list dialogs with their values",
                LIST_SETS, p -> list(dialogs, p, true)));
        registry.register(new MiCommand("dlg_end_dlg", List.of("dialog:end_dlg"),
                "end a dialog: BYE to both legs, or CANCEL when unanswered",
                List.of(List.of("dialog_id"), List.of("dialog_id", "extra_hdrs")), p -> end(dialogs, p)));
    }

    private static CompletableFuture<Object> list(Dialogs dialogs, MiParams p, boolean withContext) {
        if (p.has("callid")) {
            String callId = p.string("callid");
            String fromTag = p.has("from_tag") ? p.string("from_tag") : null;
            return dialogs.onCall(callId, layer -> {
                List<Object> out = new ArrayList<>();
                for (Dialog d : layer.dialogsOf(callId)) {
                    if (fromTag == null || fromTag.equals(d.caller.tag)) out.add(DialogView.of(d, withContext));
                }
                return (Object) Map.of("Dialogs", out);
            });
        }
        int index = p.has("index") ? nonNegative(p, "index") : 0;
        int counter = p.has("counter") ? nonNegative(p, "counter") : Integer.MAX_VALUE;
        return dialogs.onEach(layer -> {
            List<Dialog> all = layer.all();
            List<Object[]> rows = new ArrayList<>(all.size());
            for (Dialog d : all) rows.add(new Object[] {d.startEpochMs(), d.id(), DialogView.of(d, withContext)});
            return rows;
        }).thenApply(rows -> {
            // One order across workers and calls, so index/counter pages are stable.
            rows.sort(Comparator.<Object[]>comparingLong(r -> (Long) r[0]).thenComparingLong(r -> (Long) r[1]));
            List<Object> page = new ArrayList<>();
            for (int i = index; i < rows.size() && page.size() < counter; i++) page.add(rows.get(i)[2]);
            Map<String, Object> result = new LinkedHashMap<>();
            if (p.has("index")) result.put("count", rows.size());
            result.put("Dialogs", page);
            return result;
        });
    }

    private static int nonNegative(MiParams p, String name) {
        int v = p.integer(name);
        if (v < 0) throw MiError.invalidParams("Parameter '" + name + "' must not be negative");
        return v;
    }

    private static CompletableFuture<Object> end(Dialogs dialogs, MiParams p) {
        String idOrCallId = p.string("dialog_id");
        List<String[]> headers = p.has("extra_hdrs") ? ExtraHeaders.parse(p.string("extra_hdrs"), "extra_hdrs") : List.of();
        Long id = parseId(idOrCallId);
        CompletableFuture<Boolean> ended;
        if (id != null) {
            ended = dialogs.onEach(layer -> {
                Dialog d = layer.byId(id);
                return d == null ? List.<Boolean>of() : List.of(layer.end(d, headers));
            }).thenCompose(found -> found.isEmpty()
                    ? dialogs.onCall(idOrCallId, layer -> endByCallId(layer, idOrCallId, headers))
                    : CompletableFuture.completedFuture(found.contains(Boolean.TRUE)));
        } else {
            ended = dialogs.onCall(idOrCallId, layer -> endByCallId(layer, idOrCallId, headers));
        }
        return ended.thenApply(ok -> {
            if (!ok) throw new MiError(404, "Requested Dialog not found");
            return "OK";
        });
    }

    private static boolean endByCallId(DialogLayer layer, String callId, List<String[]> headers) {
        Dialog d = layer.liveDialog(callId);
        return d != null && layer.end(d, headers);
    }

    private static Long parseId(String s) {
        if (s.isEmpty() || s.length() > 20) return null;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
