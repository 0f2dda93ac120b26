package io.callops.sip.header;

import io.callops.sip.SipParseException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Contact header value (RFC 3261 §20.10): either the wildcard {@code *}, which the
 * grammar allows only on its own and without parameters (§10.2.2, used with Expires: 0),
 * or a list of addresses.
 */
public record ContactHeader(boolean wildcard, List<NameAddr> contacts) {

    private static final String HEADER = "Contact";

    public ContactHeader {
        contacts = List.copyOf(contacts);
        if (wildcard && !contacts.isEmpty()) {
            throw new IllegalArgumentException("a wildcard Contact has no addresses");
        }
    }

    public static ContactHeader wildcardContact() {
        return new ContactHeader(true, List.of());
    }

    public static ContactHeader parse(CharSequence value) {
        if (value == null) {
            throw new SipParseException(HEADER + ": missing value");
        }
        String trimmed = HeaderCursor.trimLws(value);
        if (trimmed.equals("*")) {
            return wildcardContact();
        }
        if (trimmed.startsWith("*")) {
            throw new SipParseException(HEADER + ": '*' must stand alone, without parameters");
        }
        List<String> elements = HeaderValues.splitCommas(trimmed);
        NameAddr[] contacts = new NameAddr[elements.size()];
        for (int i = 0; i < contacts.length; i++) {
            if (elements.get(i).startsWith("*")) {
                throw new SipParseException(HEADER + ": '*' cannot be combined with other contacts");
            }
        }
        for (int i = 0; i < contacts.length; i++) {
            contacts[i] = NameAddr.parse(elements.get(i), HEADER);
        }
        return new ContactHeader(false, List.of(contacts));
    }

    @Override
    public String toString() {
        return wildcard ? "*" : contacts.stream().map(NameAddr::toString).collect(Collectors.joining(", "));
    }
}
