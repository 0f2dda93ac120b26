package io.callops.sip;

import java.util.List;

/**
 * What a proxy does with a message before any routing: pass it on, answer it with an error
 * (RFC 3261 §16.3 and §8.2), or discard it silently (ACKs and responses are never answered,
 * §17.1.1.1, §16.7).
 */
public sealed interface Verdict permits Verdict.Accept, Verdict.Reject, Verdict.Drop {

    /** The message passed every check and may be processed. */
    record Accept() implements Verdict {}

    /**
     * Answer with {@code status reason}. {@code detail} names the header and the problem, for
     * logs; {@code extraHeaders} are name/value pairs the response must carry (e.g.
     * {@code Unsupported} for 420, RFC 3261 §20.40).
     */
    record Reject(int status, String reason, String detail, List<String[]> extraHeaders) implements Verdict {
        public Reject {
            extraHeaders = List.copyOf(extraHeaders);
        }

        public Reject(int status, String detail) {
            this(status, ReasonPhrases.of(status), detail, List.of());
        }
    }

    /** Discard without an answer; {@code detail} says why, for logs. */
    record Drop(String detail) implements Verdict {}

    Accept ACCEPT = new Accept();
}
