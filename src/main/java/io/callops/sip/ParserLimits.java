package io.callops.sip;

/**
 * Hard limits that keep hostile input from costing memory or time. The defaults fit any
 * legitimate message: UDP caps a datagram at 64 KiB, and RFC 3261 §18.1.1 moves anything
 * near the path MTU to TCP anyway.
 */
public record ParserLimits(int maxStartLine, int maxHeaderBlock, int maxHeaders, int maxBody) {

    public static final ParserLimits DEFAULT = new ParserLimits(8 * 1024, 64 * 1024, 256, 64 * 1024);

    public ParserLimits {
        if (maxStartLine < 32 || maxHeaderBlock < 256 || maxHeaders < 8 || maxBody < 0) {
            throw new IllegalArgumentException("parser limits too small");
        }
    }
}
