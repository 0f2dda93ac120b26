package io.callops.ops.hold;

import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import io.callops.api.MiError;
import io.callops.api.MiParams;
import io.callops.dialog.Dialogs;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code call_hold} and {@code call_unhold} (and their 4.x names {@code callops:hold},
 * {@code callops:unhold}) with the reference's parameter sets (§5.2). Both answer {@code OK}
 * once the first re-INVITE is on its way; E_CALL_HOLD events tell how each leg ended.
 */
public final class HoldCommands {
    private static final List<List<String>> SETS = List.of(List.of("callid"), List.of("callid", "leg"),
            List.of("callid", "leg", HoldHeaders.PARAM));

    private HoldCommands() {
    }

    public static void register(CommandRegistry registry, Dialogs dialogs, Holds holds) {
        registry.register(new MiCommand("call_hold", List.of("callops:hold"),
                "put a call on hold with re-INVITEs from the proxy", SETS,
                p -> run(dialogs, holds, HoldAction.HOLD, p)));
        registry.register(new MiCommand("call_unhold", List.of("callops:unhold"),
                "take a call off hold with re-INVITEs from the proxy", SETS,
                p -> run(dialogs, holds, HoldAction.UNHOLD, p)));
    }

    private static CompletableFuture<Object> run(Dialogs dialogs, Holds holds, HoldAction action, MiParams p) {
        String callId = p.string("callid");
        HoldScope scope = p.has("leg") ? HoldScope.parse(p.string("leg")) : HoldScope.BOTH;
        if (scope == null) throw new MiError(420, "Bad leg"); // the reference's answer, before the dialog is looked up
        HoldHeaders headers = HoldHeaders.from(p);
        return dialogs.onCall(callId, layer -> {
            holds.start(layer, callId, action, scope, headers);
            return "OK";
        });
    }
}
