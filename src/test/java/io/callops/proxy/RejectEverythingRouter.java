package io.callops.proxy;

/** A router of our own, loaded by class name in a test: it answers every request itself. */
public final class RejectEverythingRouter implements Router {
    @Override
    public void onRequest(RequestContext request) {
        request.reply(488, "Not Acceptable Here");
    }
}
