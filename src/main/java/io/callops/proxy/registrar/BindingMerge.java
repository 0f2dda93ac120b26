package io.callops.proxy.registrar;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one REGISTER to the live bindings of its AOR: RFC 3261 §10.3 steps 6 and 7. A
 * pure function of its inputs, so the location service can run it inside an atomic map
 * update without doing anything else while the entry is held.
 */
final class BindingMerge {

    private BindingMerge() {
    }

    /**
     * @param live the AOR's unexpired bindings, in {@link Binding#PREFERRED_FIRST} order
     */
    static UpdateOutcome merge(List<Binding> live, RegisterUpdate update, long nowMs, int maxContacts) {
        Binding stale = findOutOfOrder(live, update);
        if (stale != null) {
            return new UpdateOutcome.OutOfOrder(stale);
        }
        if (update.wildcard()) {
            return new UpdateOutcome.Applied(List.of(), nowMs);
        }
        List<Binding> result = new ArrayList<>(live);
        for (ContactRequest c : update.contacts()) {
            // Updating and replacing (different Call-ID) both come down to "the new values win".
            result.removeIf(b -> b.hasContactUri(c.contact().uri()));
            if (c.expiresSeconds() > 0) {
                result.add(new Binding(update.aorKey(), c.contact(), c.q(), nowMs + c.expiresSeconds() * 1000,
                        update.callId(), update.cseq(), update.flow(), update.userAgent(), nowMs));
            }
        }
        // The cap keeps one account (or a stolen password) from filling the location service
        // and from making every call to the AOR fork to an unbounded number of branches. An
        // AOR already over a lowered cap may still refresh or shrink, just not grow.
        if (result.size() > maxContacts && result.size() > live.size()) {
            return new UpdateOutcome.TooManyContacts(maxContacts);
        }
        result.sort(Binding.PREFERRED_FIRST);
        return new UpdateOutcome.Applied(result, nowMs);
    }

    /**
     * §10.3 steps 6 and 7: a stored binding from the same Call-ID with a CSeq at least as high
     * as this request's means this request was overtaken by a later one (UDP reordering, or a
     * retry after a response was lost), so applying it would undo newer state. Only bindings
     * that existed before the request count, so two Contacts of one REGISTER never clash.
     */
    private static Binding findOutOfOrder(List<Binding> live, RegisterUpdate update) {
        for (Binding b : live) {
            if (!b.callId().equals(update.callId()) || b.cseq() < update.cseq()) {
                continue;
            }
            if (update.wildcard()) {
                return b; // '*' touches every binding of the AOR
            }
            for (ContactRequest c : update.contacts()) {
                if (b.hasContactUri(c.contact().uri())) {
                    return b;
                }
            }
        }
        return null;
    }
}
