package io.callops.proxy.registrar;

import io.callops.sip.HeaderName;
import io.callops.sip.SipParseException;
import io.callops.sip.SipRequest;
import io.callops.sip.header.ContactHeader;
import io.callops.sip.header.NameAddr;
import io.callops.sip.header.Numbers;
import io.callops.transport.Flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks a REGISTER (RFC 3261 §10.3 steps 5 to 7, the parts that need no stored
 * state) and resolves each Contact's expiry. Anything wrong becomes a {@link Rejection}
 * whose reason names the offending header.
 */
final class RegisterReader {

    private final RegistrarSettings settings;

    RegisterReader(RegistrarSettings settings) {
        this.settings = settings;
    }

    RegisterUpdate read(SipRequest register, Flow flow) {
        String aorKey = readAor(register);
        String callId = register.callId();
        if (callId == null || callId.isEmpty()) {
            throw Rejection.badRequest("Missing Call-ID header");
        }
        long cseq = register.cseqNumber();
        if (cseq < 0) {
            throw Rejection.badRequest("Missing or invalid CSeq header");
        }
        Long requestExpires = readExpiresHeader(register);
        String userAgent = register.header(HeaderName.USER_AGENT);
        userAgent = userAgent == null ? null : userAgent.trim();

        List<ContactHeader> lines = readContactLines(register);
        if (lines.stream().anyMatch(ContactHeader::wildcard)) {
            // §10.3 step 6: '*' means "remove everything" and is only valid alone with Expires: 0.
            if (lines.size() != 1) {
                throw Rejection.badRequest("Invalid Contact header: '*' must be the only Contact");
            }
            if (requestExpires == null || requestExpires != 0) {
                throw Rejection.badRequest("Invalid Contact header: '*' requires Expires: 0");
            }
            return new RegisterUpdate(aorKey, callId, cseq, flow, userAgent, true, List.of());
        }
        List<ContactRequest> contacts = new ArrayList<>();
        for (ContactHeader line : lines) {
            for (NameAddr contact : line.contacts()) {
                contacts.add(resolve(contact, requestExpires));
            }
        }
        return new RegisterUpdate(aorKey, callId, cseq, flow, userAgent, false, contacts);
    }

    /** §10.3 step 5: the AOR is the To URI; a registrar only binds SIP or SIPS AORs. */
    private static String readAor(SipRequest register) {
        String to = register.header(HeaderName.TO);
        if (to == null) {
            throw Rejection.badRequest("Missing To header");
        }
        NameAddr address;
        try {
            address = NameAddr.parse(to);
        } catch (SipParseException e) {
            throw Rejection.badRequest("Invalid To header");
        }
        String key = LocationService.aorKey(address.uri());
        if (key == null) {
            // e.g. RFC 4475 unksm2 (To: <isbn:...>): there is nothing we could bind.
            throw Rejection.badRequest("Invalid To header: address-of-record must be a SIP or SIPS URI");
        }
        return key;
    }

    private static List<ContactHeader> readContactLines(SipRequest register) {
        List<ContactHeader> out = new ArrayList<>();
        for (String line : register.headerLines(HeaderName.CONTACT)) {
            try {
                out.add(ContactHeader.parse(line));
            } catch (SipParseException e) {
                throw Rejection.badRequest("Invalid Contact header");
            }
        }
        return out;
    }

    /** The Expires header in seconds, or null when absent. */
    private static Long readExpiresHeader(SipRequest register) {
        List<String> lines = register.headerLines(HeaderName.EXPIRES);
        if (lines.isEmpty()) {
            return null;
        }
        if (lines.size() > 1) {
            throw Rejection.badRequest("Invalid Expires header: more than one");
        }
        return parseSeconds(lines.get(0), "Expires header");
    }

    /**
     * §20.19 delta-seconds. RFC 3261 suggests treating a malformed value as 3600, but a
     * registrar that guesses hides client bugs; we answer 400 instead, which RFC 4475's
     * scalar02 case also allows for values beyond 2**32-1.
     */
    private static long parseSeconds(String value, String what) {
        try {
            return Numbers.parseUnsignedInt(value, what, Numbers.MAX_DELTA_SECONDS);
        } catch (SipParseException e) {
            throw Rejection.badRequest("Invalid " + what);
        }
    }

    /** §10.3 step 6 and 7: the Contact's expiry, its q, and the min/max rules. */
    private ContactRequest resolve(NameAddr contact, Long requestExpires) {
        String param = contact.param("expires");
        long expires;
        if (param != null) {
            expires = parseSeconds(param, "Contact header: expires parameter");
        } else if (requestExpires != null) {
            expires = requestExpires;
        } else {
            expires = settings.defaultExpires();
        }
        if (expires > 0 && expires < settings.minExpires()) {
            throw Rejection.intervalTooBrief(settings.minExpires());
        }
        expires = Math.min(expires, settings.maxExpires());
        double q = 1.0;
        if (contact.param("q") != null) {
            q = contact.q();
            if (q < 0) {
                throw Rejection.badRequest("Invalid Contact header: q parameter");
            }
        }
        return new ContactRequest(contact, q, expires);
    }
}
