package io.callops.server.config;

import io.callops.ops.LinkMode;

/**
 * The call-control features on top of plain proxying.
 *
 * @param mode                 how a new call is linked to the dialog it acts on
 * @param matchParam           Request-URI parameter carrying the dialog id in {@link LinkMode#PARAM} mode
 * @param endTransferredDialog send BYE on the original dialog once a transfer has succeeded
 * @param transferTimeoutS     a transfer not completed within this time is abandoned
 * @param secret               key of the linking tokens of {@link LinkMode#PARAM}; null = generated and kept
 *                             next to the dialog store
 * @param referredBy           {@code off}, {@code impersonated} (the party we act for) or a SIP URI
 * @param referSub             false adds {@code Refer-Sub: false} (RFC 4488) to our REFERs
 */
public record CallopsConfig(LinkMode mode, String matchParam, boolean endTransferredDialog, int transferTimeoutS,
                            String secret, String referredBy, boolean referSub) {
    public CallopsConfig {
        if (secret != null && secret.length() < 16) {
            throw ConfigException.invalid("callops.secret", "must have at least 16 characters");
        }
        if (!"off".equals(referredBy) && !"impersonated".equals(referredBy) && !referredBy.matches("(?i)sips?:\\S+")) {
            throw ConfigException.invalid("callops.referred_by",
                    "must be off, impersonated or a SIP URI (got '" + referredBy + "')");
        }
        Check.notNull("callops.mode", mode);
        // It becomes a URI parameter name, so it must be a SIP token.
        if (!Check.isToken(matchParam)) {
            throw ConfigException.invalid("callops.match_param", "must be a SIP token such as osid (got '" + matchParam + "')");
        }
        Check.positive("callops.transfer_timeout_s", transferTimeoutS);
    }
}
