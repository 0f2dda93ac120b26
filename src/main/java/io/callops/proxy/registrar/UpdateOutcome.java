package io.callops.proxy.registrar;

import java.util.List;

/** What applying a REGISTER to an AOR's bindings came to. */
sealed interface UpdateOutcome {

    /** The update was stored; {@code bindings} are the AOR's live bindings afterwards. */
    record Applied(List<Binding> bindings, long nowMs) implements UpdateOutcome {
        public Applied {
            bindings = List.copyOf(bindings);
        }
    }

    /** Same Call-ID as a stored binding but a CSeq that is not higher (§10.3 step 7). */
    record OutOfOrder(Binding existing) implements UpdateOutcome {}

    /** The AOR would end up with more bindings than allowed. */
    record TooManyContacts(int limit) implements UpdateOutcome {}
}
