package io.callops.proxy;

import io.callops.sip.SipMethod;
import java.util.List;
import java.util.Optional;

/**
 * The router callops runs when no other is configured, and the example to copy for one of
 * your own. In order:
 * <ol>
 * <li>requests inside a dialog follow their route set, or go to the Request-URI when that
 * is not us (404 when it is);</li>
 * <li>REGISTER for our domains goes to the registrar;</li>
 * <li>initial INVITEs are tracked as dialogs ({@code createDialog()}), which call operations
 * need;</li>
 * <li>other initial requests are record-routed, then sent by the static route table, or
 * for our domains to every registered contact at once (404 when there is none, 480 when
 * none of them answered), or otherwise to the Request-URI's host.</li>
 * </ol>
 */
public final class DefaultRouter implements Router {

    @Override
    public void onRequest(RequestContext req) {
        if (req.hasToTag()) {
            // Inside a dialog: follow the route set; without one, pass on requests for other
            // hosts, but a request addressed to us has nowhere to go (we are not a phone).
            if (req.looseRoute() || !req.isForUs()) {
                req.relay();
            } else {
                req.reply(404, "Not Here");
            }
            return;
        }
        if (req.isMethod(SipMethod.REGISTER)) {
            if (req.isForUs()) {
                req.saveRegistration();
            } else {
                req.relay();
            }
            return;
        }
        if (req.isMethod(SipMethod.INVITE)) {
            req.createDialog();
        }
        req.recordRoute();
        Optional<String> route = req.routes().lookup(req.request().parsedRequestUri());
        if (route.isPresent()) {
            req.relay(Target.via(route.get()));
            return;
        }
        if (req.isForUs() && !req.looseRoute()) {
            List<Target> contacts = req.lookupLocation();
            if (contacts.isEmpty()) {
                req.reply(404, "Not Found");
                return;
            }
            req.onFailure((ctx, best, unanswered) -> {
                if (unanswered) {
                    ctx.reply(480, "Temporarily Unavailable");
                }
            });
            req.fork(contacts);
            return;
        }
        req.relay();
    }
}
