package io.callops.ops;

import io.callops.proxy.DefaultRouter;
import io.callops.proxy.RequestContext;
import io.callops.proxy.Router;
import io.callops.sip.SipMethod;

/**
 * A router for {@code manual} mode, as a user would write one: NOTIFYs of our transfers go
 * to {@code callTransferNotify()}, and a new call naming the call it transfers in an
 * {@code X-Original-Call} header is linked with {@code callBlindReplace}. Everything else
 * goes to the default router.
 */
public final class ManualLinkRouter implements Router {
    private final DefaultRouter fallback = new DefaultRouter();

    @Override
    public void onRequest(RequestContext req) {
        if (req.hasToTag() && req.isMethod(SipMethod.NOTIFY) && req.callTransferNotify()) {
            return;
        }
        String original = req.header("X-Original-Call");
        if (!req.hasToTag() && req.isMethod(SipMethod.INVITE) && original != null) {
            req.callBlindReplace(original, null);
        }
        fallback.onRequest(req);
    }
}
