package io.callops.ops.transfer;

import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;
import io.callops.dialog.LegRole;
import io.callops.proxy.RequestContext;
import io.callops.sip.HeaderName;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.sipfrag.SipFrag;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NOTIFYs of the subscription our REFER created (RFC 3515 §2.4.4): answered 200 by us,
 * raised as {@code notify} events with the sipfrag status, and never relayed to the other
 * party, who never sent a REFER (decision 3). A final sipfrag ends a transfer whose new
 * call never came through us.
 */
final class ReferNotifies {
    private static final Logger log = LoggerFactory.getLogger(ReferNotifies.class);

    private final Transfers transfers;

    ReferNotifies(Transfers transfers) {
        this.transfers = transfers;
    }

    /** True for a NOTIFY of the {@code refer} event package ({@code Event: refer;id=N} included). */
    static boolean isReferNotify(SipRequest r) {
        if (!r.isMethod(SipMethod.NOTIFY)) return false;
        String event = r.header(HeaderName.EVENT);
        if (event == null) return false;
        String pkg = event.trim();
        int semi = pkg.indexOf(';');
        if (semi >= 0) pkg = pkg.substring(0, semi).trim();
        return pkg.toLowerCase(Locale.ROOT).equals("refer");
    }

    /** True when the NOTIFY belongs to a REFER we sent on this dialog, from the party we sent it to. */
    static boolean isOurs(Dialog d, LegRole from) {
        return from.text().equals(d.stringValue(TransferValues.SUBSCRIPTION));
    }

    /** Answers and raises the NOTIFY; the request is then neither routed nor relayed. */
    void handle(DialogLayer layer, Dialog d, RequestContext ctx) {
        SipRequest notify = ctx.request();
        SipFrag frag;
        try {
            frag = SipFrag.parse(notify.bodyText());
        } catch (RuntimeException e) {
            frag = null;
        }
        if (frag == null || !frag.isStatus()) {
            log.info("NOTIFY for the transfer of call_id={} has no sipfrag status line; answered 400", d.callId());
            ctx.reply(400, "Bad Request");
            return;
        }
        ctx.reply(200, "OK");
        transfers.stats().notifies.increment();
        String status = frag.statusLine();
        transfers.event(d, TransferValues.leg(d), TransferValues.text(d, TransferValues.CALLID), "", "notify", status);
        String state = notify.header(HeaderName.SUBSCRIPTION_STATE);
        if (state != null && state.trim().toLowerCase(Locale.ROOT).startsWith("terminated")) {
            layer.setValue(d, TransferValues.SUBSCRIPTION, null);
        }
        // The phone reports a final result for a new call we never saw: that is the outcome.
        if (frag.isFinal() && TransferValues.REFER_SENT.equals(d.stringValue(TransferValues.STATE))) {
            int code = frag.statusCode();
            transfers.end(layer, d, code >= 200 && code < 300, status);
        }
    }
}
