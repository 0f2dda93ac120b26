package io.callops.ops;

import io.callops.proxy.DefaultRouter;
import io.callops.proxy.RequestContext;
import io.callops.proxy.Router;
import io.callops.sip.SipMethod;

/**
 * Routing code using the dialog and call-operation functions, as a user would: new calls
 * get a dialog value and a lifetime of their own; an INFO inside a call carrying
 * {@code X-Transfer-To} transfers the caller there (the script's {@code call_transfer}).
 */
public final class ScriptedRouter implements Router {
    private final DefaultRouter fallback = new DefaultRouter();

    @Override
    public void onRequest(RequestContext req) {
        if (!req.hasToTag() && req.isMethod(SipMethod.INVITE)) {
            req.createDialog();
            req.setDialogValue("customer", "gold");
            req.setDialogValue("priority", 7L);
            req.setDialogTimeout(600);
        }
        String target = req.header("X-Transfer-To");
        if (req.hasToTag() && req.isMethod(SipMethod.INFO) && target != null) {
            if (req.callTransfer("caller", target)) {
                req.reply(200, "OK");
            } else {
                req.reply(500, "Transfer Refused");
            }
            return;
        }
        fallback.onRequest(req);
    }
}
