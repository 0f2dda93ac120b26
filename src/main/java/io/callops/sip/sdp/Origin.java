package io.callops.sip.sdp;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The {@code o=} line (RFC 8866 §5.2): who created the session and which version of it this is.
 *
 * <p>The session version is a numeric string with no stated upper bound, so it is held as a
 * {@link BigInteger}; RFC 3264 §8 requires it to grow by one with every changed offer.
 */
public record Origin(
        String username,
        String sessionId,
        BigInteger sessionVersion,
        String netType,
        String addrType,
        String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addrType, "addrType");
        Objects.requireNonNull(address, "address");
    }
}
