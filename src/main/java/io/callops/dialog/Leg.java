package io.callops.dialog;

import io.callops.transport.Flow;
import java.math.BigInteger;
import java.util.List;

/**
 * One party of a dialog as the proxy sees it (reference R4, R8): how to reach it, and the
 * CSeq numbers and SDPs that went its way. Touched only on the call's worker.
 */
public final class Leg {
    /** The party's From (caller) or To (callee) header value, tag included. */
    String header;
    String tag;
    /** Its latest Contact URI (target refresh requests and their 2xx update it). */
    String contact;
    /** Route values for requests towards it, first hop first. */
    List<String> routeSet = List.of();
    /** Where its traffic comes from: the flow requests towards it go out on. */
    Flow flow;
    /** {@link #flow} as the store writes it, kept so each save does not format it again. */
    private Flow flowTextOf;
    private String flowText;

    /** R4 (a): the last CSeq number relayed towards this party. */
    long lastCseq;
    /** R4 (b): the last CSeq number we generated towards it; 0 = never, numbers relayed as they are. */
    long generatedCseq;
    /** R6: the last INVITE relayed towards it with a new number: its original number and the new one. */
    long inviteCseqOriginal;
    long inviteCseqGenerated;

    /** R8: the last SDP this party sent, and the last SDP sent towards it (often the same string). */
    String sdpReceived;
    String sdpSent;
    /** Offers not yet accepted: promoted when the 2xx comes. */
    String pendingSdpReceived;
    String pendingSdpSent;

    /**
     * Decision 6, kept by {@link SdpVersions}: the {@code o=} version this party last saw in an
     * SDP from our side. Null until the proxy writes an SDP of its own towards it; while null,
     * SDPs relayed towards it are not even looked at.
     */
    BigInteger sdpVersionSeen;
    /** What is added to the {@code o=} version of an SDP relayed towards this party. */
    BigInteger sdpVersionShift;
    /** Fingerprint of the SDP it last saw, {@code o=} version left out: an unchanged SDP keeps its version. */
    String sdpSeenDigest;

    Leg() {
    }

    /**
     * An ended dialog lingers only to match late requests: its SDPs are of no use any more and
     * would be the biggest part of what it keeps alive for that time; the store's text of its
     * flow neither, as an ended dialog is not saved again.
     */
    void forgetMedia() {
        flowTextOf = null;
        flowText = null;
        sdpReceived = null;
        sdpSent = null;
        pendingSdpReceived = null;
        pendingSdpSent = null;
        sdpSeenDigest = null;
    }

    public String header() {
        return header;
    }

    public String tag() {
        return tag;
    }

    public String contact() {
        return contact;
    }

    public List<String> routeSet() {
        return routeSet;
    }

    public Flow flow() {
        return flow;
    }

    public long lastCseq() {
        return lastCseq;
    }

    public long generatedCseq() {
        return generatedCseq;
    }

    public String sdpReceived() {
        return sdpReceived;
    }

    public String sdpSent() {
        return sdpSent;
    }

    String flowText() {
        if (flow != flowTextOf) {
            flowText = FlowText.format(flow);
            flowTextOf = flow;
        }
        return flowText;
    }

    /** The party's URI, from its header. */
    public String uri() {
        return HeaderUris.uriOf(header);
    }
}
