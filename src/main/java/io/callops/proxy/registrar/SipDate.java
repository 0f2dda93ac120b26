package io.callops.proxy.registrar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The SIP-date of the Date header (RFC 3261 §20.17): RFC 1123 form, always GMT, with a
 * two-digit day. Java's {@code RFC_1123_DATE_TIME} writes single-digit days, so a pattern.
 */
final class SipDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SipDate() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
