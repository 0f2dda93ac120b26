package io.callops.proxy.registrar;

import io.callops.sip.HeaderName;
import io.callops.sip.MessageBuilder;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A registrar (RFC 3261 §10.3) for the domains we are responsible for: the caller has
 * already decided that the REGISTER is addressed to us (steps 1 to 4: domain, Require,
 * authentication, authorisation). This class does steps 5 to 8: find the AOR, read the
 * Contacts, update the location service and answer with the current bindings.
 * Thread-safe; it holds no state of its own besides the shared location service.
 */
public final class Registrar {

    private final RegistrarSettings settings;
    private final LocationService location;
    private final Clock wallClock;
    private final RegisterReader reader;

    /**
     * @param location  built with {@code settings.maxContactsPerAor()}
     * @param wallClock only for the Date header; expiry runs on the location service's clock
     */
    public Registrar(RegistrarSettings settings, LocationService location, Clock wallClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.location = Objects.requireNonNull(location, "location");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        if (location.maxContactsPerAor() != settings.maxContactsPerAor()) {
            throw new IllegalArgumentException("location service allows " + location.maxContactsPerAor()
                    + " contacts per AOR but settings say " + settings.maxContactsPerAor());
        }
        this.reader = new RegisterReader(settings);
    }

    public LocationService locationService() {
        return location;
    }

    public RegistrarSettings settings() {
        return settings;
    }

    /**
     * Processes a REGISTER that arrived on {@code flow} and returns the final response.
     * Never throws for bad input: that is answered with a 4xx.
     */
    public SipResponse handle(SipRequest register, Flow flow) {
        if (!register.isMethod("REGISTER")) {
            throw new IllegalArgumentException("not a REGISTER: " + register.method());
        }
        Objects.requireNonNull(flow, "flow");
        RegisterUpdate update;
        try {
            update = reader.read(register, flow);
        } catch (Rejection r) {
            return reject(register, r);
        }
        if (update.isFetch()) {
            return ok(register, location.lookup(update.aorKey()), location.nowMs());
        }
        UpdateOutcome outcome = location.apply(update);
        if (outcome instanceof UpdateOutcome.Applied applied) {
            return ok(register, applied.bindings(), applied.nowMs());
        }
        if (outcome instanceof UpdateOutcome.OutOfOrder) {
            // §10.3 step 7: a REGISTER from the same Call-ID whose CSeq is not above the stored
            // one arrived out of order; the update is aborted and the request fails. The RFC names
            // no status code; 500 says "not applied", and the UA's next refresh (higher CSeq) works.
            return reply(register, 500, "Server Internal Error").buildResponse();
        }
        // The per-AOR cap, see BindingMerge: 403 because retrying the same request cannot help.
        return reply(register, 403, "Too Many Contacts").buildResponse();
    }

    /** One line for logs, e.g. {@code sip:alice@example.com -> <sip:alice@192.0.2.1:5060> q=1 expires=3599s via UDP ...}. */
    public String describe(Binding b) {
        return b.aor() + " -> <" + b.contactUri() + "> q=" + formatQ(b.q())
                + " expires=" + b.remainingSeconds(location.nowMs()) + "s"
                + " via " + b.flow().transport() + " " + b.flow().remote()
                + (b.flow().connectionId() != 0 ? " conn=" + b.flow().connectionId() : "")
                + " call-id=" + b.callId() + " cseq=" + b.cseq()
                + (b.userAgent() != null ? " ua=\"" + b.userAgent() + "\"" : "");
    }

    /** §10.3 step 8: 200 OK listing every current binding with its remaining time, plus Date. */
    private SipResponse ok(SipRequest register, List<Binding> bindings, long nowMs) {
        MessageBuilder b = reply(register, 200, "OK");
        for (Binding binding : bindings) {
            StringBuilder contact = new StringBuilder("<").append(binding.contactUri()).append('>');
            if (binding.q() != 1.0) {
                contact.append(";q=").append(formatQ(binding.q()));
            }
            contact.append(";expires=").append(binding.remainingSeconds(nowMs));
            b.header(HeaderName.CONTACT, contact.toString());
        }
        b.header(HeaderName.DATE, SipDate.format(wallClock.instant()));
        return b.buildResponse();
    }

    private SipResponse reject(SipRequest register, Rejection r) {
        MessageBuilder b = reply(register, r.code(), r.reason());
        if (r.minExpires() >= 0) {
            b.header(HeaderName.MIN_EXPIRES, Long.toString(r.minExpires()));
        }
        return b.buildResponse();
    }

    private static MessageBuilder reply(SipRequest register, int code, String reason) {
        return MessageBuilder.replyTo(register, code, reason, ToTags.forRequest(register));
    }

    /** qvalue has at most three decimals (§25.1): 0.5 rather than 0.500. */
    private static String formatQ(double q) {
        return BigDecimal.valueOf(q).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
