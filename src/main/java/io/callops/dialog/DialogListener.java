package io.callops.dialog;

import io.callops.proxy.RequestContext;
import io.callops.sip.SipResponse;

/**
 * What layers above (call operations) hear about dialogs (reference R10). Called on the
 * dialog's worker; must not block.
 */
public interface DialogListener {

    /** A dialog was created for an initial INVITE, before it is relayed. */
    default void onCreated(Dialog dialog, RequestContext invite) {
    }

    /**
     * A request inside the dialog arrived, before routing. The listener may answer it
     * ({@link RequestContext#reply}); it is then neither routed nor relayed.
     */
    default void onInDialogRequest(Dialog dialog, LegRole from, RequestContext request) {
    }

    /** The final response to the dialog's initial INVITE went to the caller. */
    default void onInitialAnswer(Dialog dialog, SipResponse response) {
    }

    /** The dialog changed state. */
    default void onStateChanged(Dialog dialog, DialogState from, DialogState to) {
    }
}
