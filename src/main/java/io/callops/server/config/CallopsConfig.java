package io.callops.server.config;

/**
 * The call-control features on top of plain proxying.
 *
 * @param mode                 how a new call is linked to the dialog it acts on
 * @param matchParam           Request-URI parameter carrying the dialog id in {@link LinkMode#PARAM} mode
 * @param endTransferredDialog send BYE on the original dialog once a transfer has succeeded
 * @param transferTimeoutS     a transfer not completed within this time is abandoned
 */
public record CallopsConfig(LinkMode mode, String matchParam, boolean endTransferredDialog, int transferTimeoutS) {
    public CallopsConfig {
        Check.notNull("callops.mode", mode);
        // It becomes a URI parameter name, so it must be a SIP token.
        if (!Check.isToken(matchParam)) {
            throw ConfigException.invalid("callops.match_param", "must be a SIP token such as osid (got '" + matchParam + "')");
        }
        Check.positive("callops.transfer_timeout_s", transferTimeoutS);
    }
}
