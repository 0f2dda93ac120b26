package io.callops.proxy;

import io.callops.sip.HeaderName;
import io.callops.sip.SipRequest;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Via branch values for the requests we forward. A branch is {@code z9hG4bK} + a loop hash +
 * {@code .} + a unique part. The loop hash covers what identifies the request as it reached
 * us (RFC 3261 §16.6 step 8): when the same request comes back to us unchanged, one of its
 * Via headers carries our sent-by with the same loop hash, which is a loop (482, §16.3 step
 * 4); a spiral changes the Request-URI and so the hash.
 */
public final class BranchIds {
    static final String COOKIE = "z9hG4bK";

    private BranchIds() {}

    static String loopHash(SipRequest r) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, r.requestUri());
        h = mix(h, r.fromTag());
        h = mix(h, r.toTag());
        h = mix(h, r.callId());
        h = mix(h, Long.toString(r.cseqNumber()));
        h = mix(h, r.header(HeaderName.PROXY_REQUIRE));
        for (String route : r.headerLines(HeaderName.ROUTE)) {
            h = mix(h, route);
        }
        return Long.toString(h & Long.MAX_VALUE, 36);
    }

    static String newBranch(String loopHash) {
        return COOKIE + loopHash + '.' + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** A branch for a request the proxy itself originates (no request came in to hash). */
    public static String originated() {
        return COOKIE + "o" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** A stable branch for a stateless forward of an ACK for 2xx (§16.11: same input, same branch). */
    static String statelessBranch(SipRequest ack) {
        long h = 0x84222325cbf29ce4L;
        h = mix(h, ack.topViaBranch());
        h = mix(h, ack.callId());
        h = mix(h, Long.toString(ack.cseqNumber()));
        return COOKIE + "s" + Long.toString(h & Long.MAX_VALUE, 36);
    }

    private static long mix(long h, String s) {
        if (s == null) {
            return (h ^ 0xff) * 0x100000001b3L;
        }
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ 0xfe) * 0x100000001b3L;
    }
}
