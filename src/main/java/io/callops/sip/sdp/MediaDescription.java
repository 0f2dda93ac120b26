package io.callops.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One media section: an {@code m=} line and every line after it up to the next {@code m=} line
 * (RFC 8866 §5.14). Immutable; the lines are kept exactly as received.
 */
public final class MediaDescription {
    private static final int MAX_PORT = 65535;

    private final List<SdpLine> lines;
    private final String media;
    private final int port;
    private final int portCount;
    private final String protocol;
    private final List<String> formats;
    private final Direction explicitDirection;

    private MediaDescription(List<SdpLine> lines) {
        this.lines = List.copyOf(lines);
        String[] fields = lines.get(0).value().split(" ", -1);
        List<String> tokens = new ArrayList<>();
        for (String field : fields) {
            if (!field.isEmpty()) {
                tokens.add(SdpLine.decode(field));
            }
        }
        if (tokens.size() < 3) {
            throw new SdpParseException("m= line needs media, port and protocol: '" + SdpLine.decode(lines.get(0).text()) + "'");
        }
        this.media = tokens.get(0);
        String portField = tokens.get(1);
        int slash = portField.indexOf('/');
        this.port = parsePortNumber(slash < 0 ? portField : portField.substring(0, slash), MAX_PORT, "port");
        // "port/count" (RFC 8866 §5.14) opens several consecutive ports, used for layered codecs.
        this.portCount = slash < 0 ? 1 : parsePortNumber(portField.substring(slash + 1), MAX_PORT, "port count");
        this.protocol = tokens.get(2);
        this.formats = List.copyOf(tokens.subList(3, tokens.size()));
        this.explicitDirection = findDirection(this.lines);
    }

    /** Builds a media section from its lines; the first line must be the {@code m=} line. */
    static MediaDescription of(List<SdpLine> lines) {
        return new MediaDescription(lines);
    }

    /** The media type, e.g. {@code audio}, {@code video}, {@code application}. */
    public String media() {
        return media;
    }

    /** The transport port; 0 means the stream was rejected or disabled (RFC 3264 §6). */
    public int port() {
        return port;
    }

    /** The number of ports from a {@code port/count} field, 1 when no count is given. */
    public int portCount() {
        return portCount;
    }

    /** True when the port is 0: such streams are left alone by every rewrite. */
    public boolean rejected() {
        return port == 0;
    }

    /** The transport protocol, e.g. {@code RTP/AVP} or {@code UDP/TLS/RTP/SAVPF}. */
    public String protocol() {
        return protocol;
    }

    /** The media formats in offer order, e.g. RTP payload type numbers. */
    public List<String> formats() {
        return formats;
    }

    /** The direction attribute written in this section, or null if there is none. */
    public Direction explicitDirection() {
        return explicitDirection;
    }

    /**
     * The direction in force for this stream: this section's attribute, else the session-level one,
     * else {@link Direction#SENDRECV}, the default of RFC 8866 §6.7 (RFC 4566 §6).
     */
    public Direction effectiveDirection(Direction sessionLevel) {
        if (explicitDirection != null) {
            return explicitDirection;
        }
        return sessionLevel != null ? sessionLevel : Direction.SENDRECV;
    }

    /** The text of every line of this section, starting with the {@code m=} line, without endings. */
    public List<String> lines() {
        List<String> texts = new ArrayList<>(lines.size());
        for (SdpLine line : lines) {
            texts.add(SdpLine.decode(line.text()));
        }
        return List.copyOf(texts);
    }

    List<SdpLine> rawLines() {
        return lines;
    }

    /**
     * This section with the given direction attribute. Existing direction lines are rewritten in
     * place (keeping their line endings); if there is none, {@code a=<dir>} goes at the end of the
     * section, before any trailing blank lines.
     */
    MediaDescription withDirection(Direction direction, String defaultEnding) {
        Objects.requireNonNull(direction, "direction");
        List<SdpLine> result = new ArrayList<>(lines);
        String newText = "a=" + direction.attribute();
        boolean replaced = false;
        for (int i = 0; i < result.size(); i++) {
            // Every direction line is rewritten, so a section that (wrongly) carried two ends up
            // consistent instead of keeping a stale one.
            if (Direction.ofLine(result.get(i)) != null) {
                result.set(i, result.get(i).withText(newText));
                replaced = true;
            }
        }
        if (!replaced) {
            LineInsertion.insertBeforeTrailingBlanks(result, newText, defaultEnding);
        }
        return new MediaDescription(result);
    }

    private static Direction findDirection(List<SdpLine> lines) {
        for (SdpLine line : lines) {
            Direction direction = Direction.ofLine(line);
            if (direction != null) {
                return direction;
            }
        }
        return null;
    }

    private static int parsePortNumber(String field, int max, String what) {
        if (field.isEmpty() || field.length() > 5 || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdpParseException("m= line " + what + " is not a number: '" + field + "'");
        }
        int value = Integer.parseInt(field);
        if (value > max) {
            throw new SdpParseException("m= line " + what + " is out of range: " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaDescription that && lines.equals(that.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
