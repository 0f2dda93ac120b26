package io.callops.sip.sdp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An SDP session description (RFC 8866, formerly RFC 4566) that keeps every line exactly as it
 * arrived, so a proxy can change a stream's direction or the {@code o=} version and forward the
 * rest untouched, byte for byte and with the original line endings.
 *
 * <p>Parsing is strict only about what the rewrites rely on: {@code v=} first, one {@code o=} line
 * with six fields and a numeric version, and {@code m=} lines with a numeric port. Anything else,
 * including unknown line types and attributes, is carried along as is. Instances are immutable;
 * the {@code with...} methods return new descriptions.
 */
public final class SessionDescription {
    private final List<SdpLine> sessionLines;
    private final List<MediaDescription> media;
    private final int originIndex;
    private final Origin origin;
    private final Direction sessionDirection;

    private SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {
        this.sessionLines = List.copyOf(sessionLines);
        this.media = List.copyOf(media);
        this.originIndex = findOrigin(this.sessionLines);
        this.origin = OriginLine.parse(this.sessionLines.get(originIndex));
        this.sessionDirection = findSessionDirection(this.sessionLines);
    }

    /**
     * Parses {@code length} bytes starting at {@code offset}; the array is not kept.
     *
     * @throws SdpParseException if the bytes are not an SDP body this class can work with
     */
    public static SessionDescription parse(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        List<SdpLine> lines = SdpLineSplitter.split(bytes, offset, length);
        if (lines.isEmpty()) {
            throw new SdpParseException("SDP body is empty");
        }
        SdpLine first = lines.get(0);
        if (first.type() != 'v' || !first.value().strip().equals("0")) {
            throw new SdpParseException("SDP must start with 'v=0' but starts with '" + abbreviate(first.text()) + "'");
        }
        List<SdpLine> session = new ArrayList<>();
        List<MediaDescription> sections = new ArrayList<>();
        List<SdpLine> current = session;
        for (SdpLine line : lines) {
            if (line.type() == 'm') {
                if (current != session) {
                    sections.add(MediaDescription.of(current));
                }
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (current != session) {
            sections.add(MediaDescription.of(current));
        }
        return new SessionDescription(session, sections);
    }

    /** Parses SDP text; the text is encoded as UTF-8, the charset SDP uses by default. */
    public static SessionDescription parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    public Origin origin() {
        return origin;
    }

    /** The direction attribute given at session level, or null if there is none. */
    public Direction sessionDirection() {
        return sessionDirection;
    }

    /** The media sections in the order of their {@code m=} lines. */
    public List<MediaDescription> media() {
        return media;
    }

    /** The text of every session-level line (everything before the first {@code m=}), without endings. */
    public List<String> sessionLines() {
        List<String> texts = new ArrayList<>(sessionLines.size());
        for (SdpLine line : sessionLines) {
            texts.add(SdpLine.decode(line.text()));
        }
        return List.copyOf(texts);
    }

    /**
     * A copy in which media section {@code mediaIndex} carries {@code direction}: an existing
     * direction line there is rewritten, otherwise {@code a=<direction>} is appended to the section.
     * A session-level direction is left alone; the media-level attribute overrides it (RFC 8866 §6.7).
     */
    public SessionDescription withMediaDirection(int mediaIndex, Direction direction) {
        Objects.checkIndex(mediaIndex, media.size());
        Objects.requireNonNull(direction, "direction");
        List<MediaDescription> changed = new ArrayList<>(media);
        changed.set(mediaIndex, media.get(mediaIndex).withDirection(direction, lineEndingStyle()));
        return new SessionDescription(sessionLines, changed);
    }

    /** A copy whose {@code o=} line carries {@code version}; the rest of that line is unchanged. */
    public SessionDescription withOriginVersion(BigInteger version) {
        Objects.requireNonNull(version, "version");
        if (version.signum() < 0) {
            throw new IllegalArgumentException("session version must not be negative: " + version);
        }
        List<SdpLine> changed = new ArrayList<>(sessionLines);
        changed.set(originIndex, OriginLine.withVersion(sessionLines.get(originIndex), version));
        return new SessionDescription(changed, media);
    }

    /** A copy with the {@code o=} version one higher, as RFC 3264 §8 requires for a changed offer. */
    public SessionDescription withOriginVersionIncremented() {
        return withOriginVersion(origin.sessionVersion().add(BigInteger.ONE));
    }

    /** The description as bytes; for an unmodified parse these equal the parsed input. */
    public byte[] toBytes() {
        StringBuilder out = new StringBuilder();
        for (SdpLine line : allLines()) {
            out.append(line.text()).append(line.ending());
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The description as text, decoding the bytes as UTF-8. */
    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionDescription that && Arrays.equals(toBytes(), that.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    private List<SdpLine> allLines() {
        List<SdpLine> all = new ArrayList<>(sessionLines);
        for (MediaDescription section : media) {
            all.addAll(section.rawLines());
        }
        return all;
    }

    /** The ending this body uses, for lines we add; CRLF (RFC 8866 §5) when no line has one. */
    private String lineEndingStyle() {
        for (SdpLine line : allLines()) {
            if (!line.ending().isEmpty()) {
                return line.ending();
            }
        }
        return SdpLine.CRLF;
    }

    private static int findOrigin(List<SdpLine> sessionLines) {
        int found = -1;
        for (int i = 0; i < sessionLines.size(); i++) {
            if (sessionLines.get(i).type() == 'o') {
                if (found >= 0) {
                    throw new SdpParseException("SDP has more than one o= line");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new SdpParseException("SDP has no o= line before the first m= line");
        }
        return found;
    }

    private static Direction findSessionDirection(List<SdpLine> sessionLines) {
        for (SdpLine line : sessionLines) {
            Direction direction = Direction.ofLine(line);
            if (direction != null) {
                return direction;
            }
        }
        return null;
    }

    private static String abbreviate(String byteString) {
        String text = SdpLine.decode(byteString);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
