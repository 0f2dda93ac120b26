package io.callops.proxy.registrar;

import io.callops.sip.header.NameAddr;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;
import io.callops.transport.Flow;

import java.util.Comparator;
import java.util.Objects;

/**
 * One binding of an address-of-record to a contact address (RFC 3261 §10.3). Times are in
 * milliseconds on the location service's monotonic clock, so a wall-clock jump neither
 * expires nor revives registrations.
 *
 * @param aor            the normalised AOR key, see {@link LocationService#aorKey}
 * @param contact        the Contact value as received; its URI is where calls go
 * @param q              preference 0..1 (1.0 when the Contact had no q)
 * @param expiresAtMs    when the binding stops being valid
 * @param callId         Call-ID of the REGISTER that wrote it (§10.3 step 7 ordering)
 * @param cseq           CSeq number of that REGISTER
 * @param flow           the flow the REGISTER arrived on, to reach a contact behind NAT
 *                       or over the same TCP connection
 * @param userAgent      the User-Agent header, or null
 * @param registeredAtMs when the REGISTER that created or last refreshed it arrived
 */
public record Binding(String aor, NameAddr contact, double q, long expiresAtMs, String callId, long cseq,
                      Flow flow, String userAgent, long registeredAtMs) {

    /** Lookup order: highest q first, then the most recently registered (q is the
     * contact's relative preference, RFC 3261 §20.10). */
    public static final Comparator<Binding> PREFERRED_FIRST =
            Comparator.comparingDouble(Binding::q).reversed()
                    .thenComparing(Comparator.comparingLong(Binding::registeredAtMs).reversed());

    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(flow, "flow");
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q out of range 0..1: " + q);
        }
    }

    /** The URI requests for this contact are sent to. */
    public Uri contactUri() {
        return contact.uri();
    }

    public boolean expiredAt(long nowMs) {
        return expiresAtMs <= nowMs;
    }

    /** Seconds left, rounded up so a fresh 3600 s binding reports 3600; 0 once expired. */
    public long remainingSeconds(long nowMs) {
        long leftMs = expiresAtMs - nowMs;
        return leftMs <= 0 ? 0 : (leftMs + 999) / 1000;
    }

    /**
     * Whether {@code uri} names the same contact. SIP URIs use the §19.1.4 comparison
     * (§10.3 step 7 says so); other schemes have no such rule, so plain equality.
     */
    public boolean hasContactUri(Uri uri) {
        Uri mine = contact.uri();
        if (mine instanceof SipUri a && uri instanceof SipUri b) {
            return a.equivalentTo(b);
        }
        return mine.equals(uri);
    }
}
