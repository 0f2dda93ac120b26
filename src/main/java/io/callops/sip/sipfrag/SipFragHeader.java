package io.callops.sip.sipfrag;

import java.util.Objects;

/**
 * One header field of a sipfrag, with folded continuation lines already joined into the value.
 *
 * @param name  the field name as written (compare it case-insensitively, RFC 3261 §7.3.1)
 * @param value the value without surrounding white space
 */
public record SipFragHeader(String name, String value) {
    public SipFragHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
