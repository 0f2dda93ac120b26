package io.callops.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SdpProperties {

    @Property(tries = 2000)
    void arbitraryBytesParseOrFailWithSdpParseException(@ForAll("noise") byte[] bytes) {
        try {
            SessionDescription sdp = SessionDescription.parse(bytes, 0, bytes.length);
            assertThat(sdp.toBytes()).isEqualTo(bytes);
        } catch (SdpParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void validSdpRoundTripsByteForByte(@ForAll("validSdp") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(SessionDescription.parse(bytes, 0, bytes.length).toBytes()).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void holdPutsEveryAcceptedStreamOnHoldAndTouchesNothingElse(@ForAll("validSdp") String text) {
        SessionDescription original = SessionDescription.parse(text);
        SessionDescription held = HoldRewrite.hold(original);

        assertThat(SessionDescription.parse(held.toString())).isEqualTo(held);
        assertThat(held.origin()).isEqualTo(original.origin());
        assertThat(held.sessionLines()).isEqualTo(original.sessionLines());
        for (int i = 0; i < original.media().size(); i++) {
            MediaDescription before = original.media().get(i);
            MediaDescription after = held.media().get(i);
            if (before.rejected()) {
                assertThat(after).isEqualTo(before);
                continue;
            }
            Direction was = before.effectiveDirection(original.sessionDirection());
            assertThat(after.effectiveDirection(held.sessionDirection())).isEqualTo(HoldRewrite.heldDirection(was));
            assertThat(withoutDirectionLines(after.lines())).isEqualTo(withoutDirectionLines(before.lines()));
        }
    }

    @Property(tries = 300)
    void unholdRestoresEffectiveDirections(@ForAll("validSdp") String text) {
        SessionDescription original = SessionDescription.parse(text);
        SessionDescription resumed = HoldRewrite.unhold(HoldRewrite.hold(original).withOriginVersionIncremented(), original);

        for (int i = 0; i < original.media().size(); i++) {
            assertThat(resumed.media().get(i).effectiveDirection(resumed.sessionDirection()))
                    .isEqualTo(original.media().get(i).effectiveDirection(original.sessionDirection()));
        }
    }

    @Property(tries = 300)
    void versionIncrementChangesOnlyTheVersion(@ForAll("validSdp") String text) {
        SessionDescription original = SessionDescription.parse(text);
        SessionDescription next = original.withOriginVersionIncremented();

        assertThat(next.origin().sessionVersion()).isEqualTo(original.origin().sessionVersion().add(BigInteger.ONE));
        String expected = text.replaceFirst(
                "(?m)^(o=\\S+ \\S+ )" + original.origin().sessionVersion() + " ",
                "$1" + next.origin().sessionVersion() + " ");
        assertThat(next.toString()).isEqualTo(expected);
    }

    private static List<String> withoutDirectionLines(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (!(line.startsWith("a=") && Direction.fromAttribute(line.substring(2).strip()) != null)) {
                kept.add(line);
            }
        }
        return kept;
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> sdpLike = Arbitraries.strings()
                .withChars("vosmactb=0123456789 /\r\n-:IPN4x.")
                .ofMaxLength(300)
                .map(tail -> ("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n" + tail).getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> mutated = Combinators.combine(validSdp(), Arbitraries.integers().between(0, 10_000),
                        Arbitraries.bytes())
                .as((text, where, b) -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    bytes[where % bytes.length] = b;
                    return bytes;
                });
        return Arbitraries.oneOf(random, sdpLike, mutated);
    }

    @Provide
    Arbitrary<String> validSdp() {
        Arbitrary<String> ending = Arbitraries.of("\r\n", "\n");
        Arbitrary<List<String>> session = Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.bigIntegers().between(BigInteger.ZERO, new BigInteger("99999999999999999999999")),
                        Arbitraries.of("192.0.2.1", "2001:db8::1", "host.example.com"),
                        optionalDirection(),
                        otherLines())
                .as((user, id, version, address, direction, extra) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add("v=0");
                    lines.add("o=" + user + " " + id + " " + version + " IN "
                            + (address.contains(":") ? "IP6 " : "IP4 ") + address);
                    lines.add("s=" + (extra.isEmpty() ? "-" : "Session \u00e9 " + extra.size()));
                    lines.add("t=0 0");
                    lines.addAll(extra);
                    if (direction != null) {
                        lines.add("a=" + direction.attribute());
                    }
                    return lines;
                });
        Arbitrary<List<String>> mediaSection = Combinators.combine(
                        Arbitraries.of("audio", "video", "application", "text"),
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 65535)),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of("RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF"),
                        Arbitraries.integers().between(0, 127).list().ofMaxSize(5),
                        optionalDirection(),
                        otherLines(),
                        Arbitraries.integers().between(0, 10))
                .as((media, port, count, proto, formats, direction, extra, directionPosition) -> {
                    StringBuilder m = new StringBuilder("m=").append(media).append(' ').append(port);
                    if (count > 1) {
                        m.append('/').append(count);
                    }
                    m.append(' ').append(proto);
                    formats.forEach(f -> m.append(' ').append(f));
                    List<String> lines = new ArrayList<>();
                    lines.add(m.toString());
                    lines.addAll(extra);
                    if (direction != null) {
                        lines.add(1 + directionPosition % lines.size(), "a=" + direction.attribute());
                    }
                    return lines;
                });
        return Combinators.combine(
                        session, mediaSection.list().ofMaxSize(4), ending, Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((sessionLines, sections, eol, finalEnding, trailingBlank) -> {
                    List<String> lines = new ArrayList<>(sessionLines);
                    sections.forEach(lines::addAll);
                    if (trailingBlank) {
                        lines.add("");
                    }
                    String body = String.join(eol, lines);
                    return finalEnding ? body + eol : body;
                });
    }

    private static Arbitrary<Direction> optionalDirection() {
        return Arbitraries.of(Direction.class).injectNull(0.4);
    }

    private static Arbitrary<List<String>> otherLines() {
        return Arbitraries.of(
                        "a=rtpmap:0 PCMU/8000",
                        "a=rtpmap:101 telephone-event/8000",
                        "a=fmtp:101 0-15",
                        "a=ptime:20",
                        "a=rtcp-mux",
                        "a=ice-ufrag:F7gI",
                        "a=x-vendor: spaced value ",
                        "b=AS:64",
                        "c=IN IP4 198.51.100.1",
                        "i=media info",
                        "k=prompt",
                        "y=1234",
                        "x-not-sdp-at-all")
                .list()
                .ofMaxSize(5);
    }
}
