package io.callops.sip.sdp;

/**
 * The media direction attributes of RFC 8866 §6.7 (RFC 4566 §6), which the offer/answer model of
 * RFC 3264 uses to put streams on hold and take them off again.
 */
public enum Direction {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String attribute;

    Direction(String attribute) {
        this.attribute = attribute;
    }

    /** The attribute name as written in SDP, e.g. {@code "sendonly"} for {@code a=sendonly}. */
    public String attribute() {
        return attribute;
    }

    /**
     * The direction named by an attribute (the text after {@code a=}), or null if the attribute is
     * not a direction attribute. Matching is exact: the RFC defines these names in lower case and
     * gives them no values, so {@code a=sendonly:x} is some other attribute.
     */
    public static Direction fromAttribute(String attribute) {
        if (attribute == null) {
            return null;
        }
        for (Direction direction : values()) {
            if (direction.attribute.equals(attribute)) {
                return direction;
            }
        }
        return null;
    }

    /** The direction carried by an SDP line, tolerating trailing white space; null if none. */
    static Direction ofLine(SdpLine line) {
        if (line.type() != 'a') {
            return null;
        }
        return fromAttribute(line.value().stripTrailing());
    }
}
