package io.callops.sip;

import io.callops.sip.header.CSeq;
import io.callops.sip.header.ContactHeader;
import io.callops.sip.header.NameAddr;
import io.callops.sip.header.Numbers;
import io.callops.sip.header.TokenList;
import io.callops.sip.header.Via;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks a proxy makes before routing that need no proxy state: RFC 3261 §16.3 (syntax,
 * URI scheme, Max-Forwards, Proxy-Require) plus the header syntax that RFC 4475 expects a
 * proxy to police. Pure and thread-safe; it never throws, whatever the message holds.
 */
public final class RequestValidator {
    private static final String MAGIC_COOKIE = "z9hG4bK"; // RFC 3261 §8.1.1.7

    private final Set<String> supportedProxyExtensions;
    /**
     * Whether headers in their plain form are recognised from the bytes ({@link PlainSyntax})
     * instead of being parsed into objects; off only to compare both ways in tests.
     */
    private final boolean plainForms;

    /** @param supportedProxyExtensions option tags this proxy implements, in lower case */
    public RequestValidator(Set<String> supportedProxyExtensions) {
        this(supportedProxyExtensions, true);
    }

    RequestValidator(Set<String> supportedProxyExtensions, boolean plainForms) {
        this.supportedProxyExtensions = Set.copyOf(supportedProxyExtensions);
        this.plainForms = plainForms;
    }

    /**
     * Checks a request in the order of RFC 3261 §16.3; the first problem found decides.
     *
     * @param streamTransport true for TCP/TLS/SCTP, where Content-Length is mandatory (§18.3)
     */
    public Verdict checkRequest(SipRequest r, boolean streamTransport) {
        Verdict v;
        try {
            v = requestVerdict(r, streamTransport);
        } catch (RuntimeException e) {
            // Every check catches its own parse errors; this is a last line against codec bugs.
            v = new Verdict.Reject(400, "request could not be checked: " + e);
        }
        if (v instanceof Verdict.Reject rej && SipMethod.ACK.equals(r.method())) {
            // An ACK is never answered (RFC 3261 §17.2.3 has no response to an ACK).
            return new Verdict.Drop("ACK: " + rej.status() + " " + rej.detail());
        }
        return v;
    }

    private Verdict requestVerdict(SipRequest r, boolean streamTransport) {
        // RFC 3261 §8.2 / §21.5.6: only SIP/2.0 is spoken; SIP-Version ignores case (§7.1).
        if (!"SIP/2.0".equalsIgnoreCase(r.version())) {
            return new Verdict.Reject(505, "SIP-Version '" + r.version() + "' is not SIP/2.0");
        }
        // A plain sip: or sips: URI (no brackets, white space or headers) passes every check below.
        boolean plainUri = plainForms && r.hasPlainRequestUri();
        if (!plainUri) {
            Verdict uri = checkRequestUri(r);
            if (uri != null) {
                return uri;
            }
        }

        // RFC 3261 §8.1.1 / §16.3 item 1: mandatory headers, exactly once each.
        Verdict counts = checkCounts(r);
        if (counts != null) {
            return counts;
        }

        Verdict via = checkVias(r);
        if (via != null) {
            return via;
        }
        for (HeaderName h : FROM_AND_TO) {
            if (plainForms && isPlainNameAddr(r, r.headers.indexOf(h, 0), false)) {
                continue;
            }
            try {
                NameAddr.parse(r.header(h));
            } catch (RuntimeException e) {
                return bad(problem(h.canonical(), e));
            }
        }

        Verdict cseq = checkCseq(r);
        if (cseq != null) {
            return cseq;
        }

        HeaderTable headers = r.headers;
        for (int i = headers.indexOf(HeaderName.CONTACT, 0); i >= 0; i = headers.indexOf(HeaderName.CONTACT, i + 1)) {
            if (plainForms && isPlainNameAddr(r, i, true)) {
                continue; // one address, never the '*' form
            }
            ContactHeader contact;
            try {
                contact = ContactHeader.parse(headers.value(i));
            } catch (RuntimeException e) {
                return bad(problem("Contact", e));
            }
            if (contact.wildcard() && !SipMethod.REGISTER.equals(r.method())) {
                // RFC 3261 §20.10: the '*' form is for REGISTER only (§10.2.2).
                return bad("Contact: '*' is only allowed in REGISTER");
            }
        }

        Verdict length = checkContentLength(r, streamTransport);
        if (length != null) {
            return length;
        }

        int hopsRead = r.maxForwards(); // -1 absent, -2 malformed: the full check below names the problem
        String mf = hopsRead > 0 || hopsRead == -1 ? null : r.header(HeaderName.MAX_FORWARDS);
        if (mf != null) {
            long hops;
            try {
                hops = Numbers.parseUnsignedInt(mf, "Max-Forwards", 255); // RFC 3261 §20.22: 0-255
            } catch (RuntimeException e) {
                return bad(e.getMessage());
            }
            if (hops == 0) {
                // RFC 3261 §16.3 item 3: a proxy does not forward it (RFC 4475 §3.3.11).
                return new Verdict.Reject(483, "Max-Forwards is 0");
            }
        }

        // RFC 3261 §16.3 item 2: a scheme the proxy cannot route on is answered with 416.
        String scheme = plainUri ? "sip" : r.parsedRequestUri().scheme();
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            return new Verdict.Reject(416, "Request-URI scheme '" + shorten(scheme) + "' is not supported");
        }

        return r.hasHeader(HeaderName.PROXY_REQUIRE) ? checkProxyRequire(r) : Verdict.ACCEPT;
    }

    /** The Request-URI checks; null when it passes (it is then parsed and cached in the request). */
    private static Verdict checkRequestUri(SipRequest r) {
        Uri ruri;
        String uriText = r.requestUri();
        if (uriText == null || uriText.isEmpty() || hasBracketOrWhite(uriText)) {
            // RFC 3261 §7.1: the Request-URI is a bare URI, no name-addr brackets, no LWS (RFC 4475 §3.1.2.7/8).
            return bad("Request-URI '" + shorten(uriText) + "' contains '<', '>' or white space");
        }
        try {
            ruri = r.parsedRequestUri();
        } catch (RuntimeException e) {
            return bad("Request-URI: " + e.getMessage());
        }
        if (ruri instanceof SipUri sip && sip.hasHeaders()) {
            // RFC 3261 §19.1.1 table: headers are not allowed in a Request-URI (RFC 4475 §3.1.2.11).
            return bad("Request-URI carries escaped headers, not allowed in a Request-URI");
        }
        return null;
    }

    /** Whether header line {@code i} is untouched and one plain address (false for no line). */
    private static boolean isPlainNameAddr(SipMessage m, int i, boolean contact) {
        int vs = i < 0 ? -1 : m.headers.rawValueStart(i);
        return vs >= 0 && PlainSyntax.isPlainNameAddr(m.buf, vs, m.headers.rawValueEnd(i), contact);
    }

    /** Whether Via line {@code i} is untouched and holds only plain via-parms (false for no line). */
    private static boolean isPlainViaLine(SipMessage m, int i) {
        int vs = i < 0 ? -1 : m.headers.rawValueStart(i);
        return vs >= 0 && PlainSyntax.isPlainViaLine(m.buf, vs, m.headers.rawValueEnd(i));
    }

    /** Whether the topmost via-parm is untouched and plain: the part {@code firstValue(VIA)} returns. */
    private static boolean isPlainTopVia(SipMessage m) {
        int i = m.headers.indexOf(HeaderName.VIA, 0);
        int vs = i < 0 ? -1 : m.headers.rawValueStart(i);
        return vs >= 0 && PlainSyntax.plainFirstViaEnd(m.buf, vs, m.headers.rawValueEnd(i)) >= 0;
    }

    private static final HeaderName[] EXACTLY_ONCE = {HeaderName.CALL_ID, HeaderName.FROM, HeaderName.TO, HeaderName.CSEQ};
    private static final HeaderName[] FROM_AND_TO = {HeaderName.FROM, HeaderName.TO};
    private static final HeaderName[] RESPONSE_MANDATORY = {HeaderName.VIA, HeaderName.CSEQ, HeaderName.CALL_ID};

    private static Verdict checkCounts(SipRequest r) {
        for (HeaderName h : EXACTLY_ONCE) {
            int n = r.headerLineCount(h);
            if (n == 0) {
                return bad(h.canonical() + " is missing");
            }
            if (n > 1) {
                return bad(h.canonical() + " appears " + n + " times");
            }
        }
        int mf = r.headerLineCount(HeaderName.MAX_FORWARDS);
        if (mf > 1) {
            return bad("Max-Forwards appears " + mf + " times");
        }
        if (!r.hasHeader(HeaderName.VIA)) {
            return bad("Via is missing");
        }
        return null;
    }

    private Verdict checkVias(SipMessage m) {
        boolean top = true;
        HeaderTable headers = m.headers;
        for (int i = headers.indexOf(HeaderName.VIA, 0); i >= 0; i = headers.indexOf(HeaderName.VIA, i + 1)) {
            if (plainForms && isPlainViaLine(m, i)) {
                top = false; // a plain Via's branch is never the bare magic cookie
                continue;
            }
            String line = headers.value(i);
            List<Via> vias;
            try {
                vias = Via.parseAll(line);
            } catch (RuntimeException e) {
                return bad(problem("Via", e));
            }
            if (top) {
                top = false;
                String branch = vias.get(0).branch();
                // RFC 3261 §8.1.1.7: the cookie marks a unique id that follows it (RFC 4475 §3.2.1).
                if (branch != null && branch.startsWith(MAGIC_COOKIE) && branch.length() == MAGIC_COOKIE.length()) {
                    return bad("Via: branch is only the magic cookie z9hG4bK");
                }
            }
        }
        return null;
    }

    private Verdict checkCseq(SipRequest r) {
        if (plainForms && r.cseqNumber() >= 0 && r.cseqMethod().equals(r.method())) {
            return null; // read from the bytes with the same grammar as CSeq.parse
        }
        CSeq cseq;
        try {
            cseq = CSeq.parse(r.header(HeaderName.CSEQ));
        } catch (RuntimeException e) {
            return bad(e.getMessage());
        }
        if (!cseq.method().equals(r.method())) {
            String detail = "CSeq method " + cseq.method() + " does not match request method " + shorten(r.method());
            // RFC 4475 §3.1.2.18: for a method it does not know the proxy answers 501, future-proof.
            return SipMethod.isKnown(r.method()) ? bad(detail) : new Verdict.Reject(501, detail);
        }
        return null;
    }

    private Verdict checkContentLength(SipRequest r, boolean streamTransport) {
        if (plainForms && r.headerLineCount(HeaderName.CONTENT_LENGTH) == 1 && r.contentLength() >= 0) {
            return null; // one line, a number within range: read from the bytes
        }
        List<String> lines = r.headerLines(HeaderName.CONTENT_LENGTH);
        if (lines.isEmpty()) {
            // RFC 3261 §18.3 / §20.14: without it a stream cannot be framed.
            return streamTransport ? bad("Content-Length required over TCP") : null;
        }
        long first = -1;
        for (String line : lines) {
            long n;
            try {
                n = Numbers.parseUnsignedInt(line, "Content-Length", Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                return bad(e.getMessage());
            }
            if (first >= 0 && n != first) {
                // RFC 4475 §3.3.9: conflicting values are as bad as an invalid one.
                return bad("Content-Length given as both " + first + " and " + n);
            }
            first = n;
        }
        return null;
    }

    private Verdict checkProxyRequire(SipRequest r) {
        List<String> unsupported = new ArrayList<>();
        for (String line : r.headerLines(HeaderName.PROXY_REQUIRE)) {
            List<String> tags;
            try {
                tags = TokenList.parse(line, "Proxy-Require");
            } catch (RuntimeException e) {
                return bad(e.getMessage());
            }
            for (String tag : tags) {
                // Option tags compare ignoring case (RFC 3261 §19.2); the reply repeats them as sent.
                if (!supportedProxyExtensions.contains(tag.toLowerCase(Locale.ROOT)) && !unsupported.contains(tag)) {
                    unsupported.add(tag);
                }
            }
        }
        if (unsupported.isEmpty()) {
            return Verdict.ACCEPT;
        }
        // RFC 3261 §16.3 item 5 / §8.2.2.3: 420 listing the unsupported tags.
        String list = String.join(", ", unsupported);
        return new Verdict.Reject(420, ReasonPhrases.of(420), "Proxy-Require: unsupported " + list,
                List.<String[]>of(new String[] {HeaderName.UNSUPPORTED.canonical(), list}));
    }

    /**
     * Whether a response may be relayed (RFC 3261 §16.7). Responses are never answered, so the
     * result is Accept or Drop.
     */
    public Verdict checkResponse(SipResponse r) {
        try {
            return responseVerdict(r, plainForms);
        } catch (RuntimeException e) {
            return new Verdict.Drop("response could not be checked: " + e);
        }
    }

    private static Verdict responseVerdict(SipResponse r, boolean plainForms) {
        if (r.statusCode() < 100 || r.statusCode() > 699) {
            return new Verdict.Drop("status code " + r.statusCode() + " outside 100..699");
        }
        for (HeaderName h : RESPONSE_MANDATORY) {
            if (!r.hasHeader(h)) {
                return new Verdict.Drop(h.canonical() + " is missing");
            }
        }
        if (r.cseqNumber() < 0) {
            return new Verdict.Drop("CSeq '" + shorten(r.header(HeaderName.CSEQ)) + "' is malformed"); // RFC 4475 §3.1.2.5
        }
        // Responses are the bulk of the traffic: only the top Via is ours to read, and the
        // lower ones are parsed only when one of them may name the broadcast address.
        if (!(plainForms && isPlainTopVia(r))) {
            try {
                Via.parse(r.firstValue(HeaderName.VIA));
            } catch (RuntimeException e) {
                return new Verdict.Drop("top Via: " + e.getMessage());
            }
        }
        if (!r.headerContains(HeaderName.VIA, "255.255.255.255")) {
            return Verdict.ACCEPT;
        }
        List<Via> vias = new ArrayList<>();
        for (String line : r.headerLines(HeaderName.VIA)) {
            try {
                vias.addAll(Via.parseAll(line));
            } catch (RuntimeException e) {
                if (vias.isEmpty()) {
                    return new Verdict.Drop("top Via: " + e.getMessage());
                }
                break; // lower Vias are for the next hops to read, not for us (RFC 3261 §16.7)
            }
        }
        for (Via via : vias) {
            // RFC 4475 §3.3.10: a response routed to the broadcast address is an attack vector.
            if (isBroadcast(via.host()) || isBroadcast(via.received()) || isBroadcast(via.maddr())) {
                return new Verdict.Drop("Via sent-by " + via.sentBy() + " is a broadcast address");
            }
        }
        return Verdict.ACCEPT;
    }

    /**
     * Answers what the parser could not read: a request other than ACK whose start line and
     * headers were readable gets 400 (RFC 3261 §16.3 item 1); anything else is dropped.
     */
    public Verdict checkUnparseable(ParseResult.Failure f) {
        if (f.partial() instanceof SipRequest req && !req.method().isEmpty() && !SipMethod.ACK.equals(req.method())) {
            return new Verdict.Reject(400, f.reason());
        }
        return new Verdict.Drop(f.reason());
    }

    private static boolean isBroadcast(String host) {
        return "255.255.255.255".equals(host);
    }

    private static boolean hasBracketOrWhite(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** The parse error prefixed with the header it concerns, once ("To: ...", not "To: Address: ..."). */
    private static String problem(String header, RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("Address: ")) {
            m = m.substring("Address: ".length());
        }
        return m.startsWith(header) ? m : header + ": " + m;
    }

    private static Verdict bad(String detail) {
        return new Verdict.Reject(400, detail);
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
