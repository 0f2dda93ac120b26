package io.callops.proxy.registrar;

import io.callops.sip.SipRequest;

import java.nio.charset.StandardCharsets;

/**
 * To tags for registrar responses, derived from the request rather than random so that a
 * retransmitted REGISTER that reaches us again gets a response with the same tag.
 */
final class ToTags {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ToTags() {
    }

    static String forRequest(SipRequest request) {
        long h = FNV_OFFSET;
        h = mix(h, request.callId());
        h = mix(h, request.fromTag());
        h = mix(h, Long.toString(request.cseqNumber()));
        h = mix(h, request.topViaBranch());
        return Long.toHexString(h);
    }

    /** FNV-1a over the UTF-8 bytes, with a separator so "ab"+"c" and "a"+"bc" differ. */
    private static long mix(long h, String s) {
        if (s != null) {
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * FNV_PRIME;
            }
        }
        return (h ^ 0x1f) * FNV_PRIME;
    }
}
