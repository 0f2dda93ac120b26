package io.callops.ops.transfer;

import io.callops.ops.LinkMode;

/**
 * How transfers behave.
 *
 * @param mode                 how the new call is linked to the dialog it transfers
 * @param matchParam           the Request-URI parameter carrying the link
 * @param endTransferredDialog BYE the old dialog once the transfer succeeded
 * @param timeoutMs            a transfer not ended by then fails
 * @param referredBy           {@code off}, {@code impersonated} or a SIP URI for Referred-By
 * @param referSub             false adds {@code Refer-Sub: false} (RFC 4488)
 */
public record TransferSettings(LinkMode mode, String matchParam, boolean endTransferredDialog, long timeoutMs,
                               String referredBy, boolean referSub) {
}
