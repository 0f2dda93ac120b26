package io.callops.dialog.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store keeps of one dialog: everything needed to route its sequential requests,
 * renumber their CSeqs and send requests into it after a restart. Immutable: built on the
 * call's worker and handed to the store's own thread.
 *
 * @param id             the dialog id (unsigned)
 * @param state          1 unconfirmed .. 5 deleted, as the reference numbers them
 * @param startEpochMs   when the dialog was created (wall clock)
 * @param expiresEpochMs when its lifetime ends (wall clock)
 * @param values         named dialog values: each a String or a Long
 * @param initialCseq    the CSeq number of the initial INVITE (its ACK confirms the dialog)
 */
public record DialogRecord(long id, String callId, int state, long startEpochMs, long expiresEpochMs, int timeoutS,
                           boolean byeOnTimeout, LegRecord caller, LegRecord callee, Map<String, Object> values,
                           long initialCseq) {
    public DialogRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        values = Map.copyOf(values);
        for (Object v : values.values()) {
            if (!(v instanceof String) && !(v instanceof Long)) {
                throw new IllegalArgumentException("dialog values are String or Long, not " + v.getClass());
            }
        }
    }

    /**
     * One side of the dialog.
     *
     * @param header       the From (caller) or To (callee) header value as that party wrote it, tag included
     * @param tag          the party's tag
     * @param contact      its latest Contact URI
     * @param routeSet     the Route values for requests towards it, first hop first
     * @param flow         where its traffic comes from: {@code udp|tcp local-ip:port remote-ip:port}, or null
     * @param lastCseq     the last CSeq number relayed towards it
     * @param generatedCseq the last CSeq number we generated towards it, 0 = never
     * @param inviteCseqOriginal the caller's CSeq of the last INVITE relayed towards it with a new number
     * @param inviteCseqGenerated the number that INVITE got
     * @param sdpReceived  the last SDP it sent, or null
     * @param sdpSent      the last SDP sent towards it, or null
     * @param sdpVersionSeen  the {@code o=} version it last saw from our side (decimal), or null while the
     *                        proxy never wrote an SDP towards it
     * @param sdpVersionShift what is added to the {@code o=} version of SDPs relayed towards it (decimal), or null
     * @param sdpSeenDigest   fingerprint of the last SDP it saw, without the {@code o=} version, or null
     */
    public record LegRecord(String header, String tag, String contact, List<String> routeSet, String flow,
                            long lastCseq, long generatedCseq, long inviteCseqOriginal, long inviteCseqGenerated,
                            String sdpReceived, String sdpSent, String sdpVersionSeen, String sdpVersionShift,
                            String sdpSeenDigest) {
        public LegRecord {
            routeSet = List.copyOf(routeSet);
        }

        /** A leg towards which the proxy never wrote an SDP of its own (records written before versions were kept). */
        public LegRecord(String header, String tag, String contact, List<String> routeSet, String flow,
                         long lastCseq, long generatedCseq, long inviteCseqOriginal, long inviteCseqGenerated,
                         String sdpReceived, String sdpSent) {
            this(header, tag, contact, routeSet, flow, lastCseq, generatedCseq, inviteCseqOriginal,
                    inviteCseqGenerated, sdpReceived, sdpSent, null, null, null);
        }
    }
}
