package io.callops.dialog;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A request to send into a dialog towards one leg, impersonating the other (reference R1).
 *
 * @param towards      the leg that receives it
 * @param method       the SIP method
 * @param body         the body, or null
 * @param contentType  its type, when there is a body
 * @param extraHeaders more headers as name/value pairs (e.g. Refer-To)
 * @param done         told the outcome, on the dialog's worker, exactly once
 */
public record OutgoingRequest(LegRole towards, String method, byte[] body, String contentType,
                              List<String[]> extraHeaders, Consumer<RequestOutcome> done) {
    public OutgoingRequest {
        Objects.requireNonNull(towards, "towards");
        Objects.requireNonNull(method, "method");
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
        done = done == null ? o -> { } : done;
        if (body != null && body.length > 0 && contentType == null) {
            throw new IllegalArgumentException("a body needs a content type");
        }
    }
}
