package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.GeneratedMessages.Generated;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * RFC 3261 §18.3: on a stream, Content-Length alone delimits messages, so how the bytes were
 * cut into reads must not change which messages come out (nor the RFC 5626 keep-alives).
 */
class StreamFramingPropertyTest {

    /** Several messages with optional CRLFCRLF pings between them, and a chunking seed. */
    record Stream(byte[] bytes, List<Object> expected, long chunkSeed) {
        @Override
        public String toString() {
            return expected.size() + " frames, " + bytes.length + " bytes, chunk seed " + chunkSeed;
        }
    }

    @Property(tries = 1000)
    void sameFramesWhateverTheChunkSizes(@ForAll("streams") Stream s) {
        List<Object> whole = frames(s.bytes(), new int[] {s.bytes().length});
        assertThat(whole).containsExactlyElementsOf(s.expected());

        Random r = new Random(s.chunkSeed());
        List<Integer> sizes = new ArrayList<>();
        for (int left = s.bytes().length; left > 0; ) {
            int n = Math.min(left, r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(300));
            sizes.add(n);
            left -= n;
        }
        List<Object> chunked = frames(s.bytes(), sizes.stream().mapToInt(Integer::intValue).toArray());
        assertThat(chunked).containsExactlyElementsOf(whole);
    }

    @Property(tries = 300)
    void everyFramedMessageParsesToTheMessageSent(@ForAll("streams") Stream s) {
        SipParser parser = new SipParser();
        for (Object f : frames(s.bytes(), new int[] {s.bytes().length})) {
            if (f instanceof Msg msg) {
                ParseResult r = parser.parse(msg.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                assertThat(r).as(() -> s + " frame:\n" + msg.text()).isInstanceOf(ParseResult.Success.class);
            }
        }
    }

    /** A framed message, its octets as ISO-8859-1 text so that frames compare by value. */
    record Msg(String text) {}

    /** Frames as comparable values: messages as {@link Msg}, pings and errors by kind. */
    private static List<Object> frames(byte[] stream, int[] chunks) {
        SipStreamFramer framer = new SipStreamFramer();
        List<Object> out = new ArrayList<>();
        int off = 0;
        for (int n : chunks) {
            framer.feed(stream, off, n, f -> out.add(describe(f)));
            off += n;
        }
        assertThat(framer.buffered()).isZero();
        return out;
    }

    private static Object describe(StreamFrame f) {
        if (f instanceof StreamFrame.Message m) {
            return new Msg(new String(m.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return f.getClass().getSimpleName();
    }

    @Provide
    Arbitrary<Stream> streams() {
        return Arbitraries.randomValue(r -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Object> expected = new ArrayList<>();
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                Generated g = GeneratedMessages.generate(r, true);
                out.writeBytes(g.bytes());
                expected.add(new Msg(new String(g.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)));
                if (r.nextInt(3) == 0) {
                    out.writeBytes(new byte[] {'\r', '\n', '\r', '\n'});
                    expected.add(StreamFrame.KeepAlivePing.class.getSimpleName());
                }
            }
            return new Stream(out.toByteArray(), expected, r.nextLong());
        });
    }
}
