package io.callops.proxy.registrar;

import io.callops.transport.Flow;

import java.util.List;

/**
 * A validated REGISTER, reduced to what the binding update needs.
 *
 * @param wildcard true for {@code Contact: *} with {@code Expires: 0} (remove all)
 * @param contacts the requested changes, empty for a wildcard or a fetch
 */
record RegisterUpdate(String aorKey, String callId, long cseq, Flow flow, String userAgent,
                      boolean wildcard, List<ContactRequest> contacts) {

    RegisterUpdate {
        contacts = List.copyOf(contacts);
    }

    /** A REGISTER without Contact only asks for the current bindings (§10.3 step 6). */
    boolean isFetch() {
        return !wildcard && contacts.isEmpty();
    }
}
