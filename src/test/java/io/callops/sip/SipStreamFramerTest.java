package io.callops.sip;

import static io.callops.sip.SampleMessages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipStreamFramerTest {

    private static List<StreamFrame> feedInTwo(byte[] stream, int split) {
        SipStreamFramer f = new SipStreamFramer();
        List<StreamFrame> out = new ArrayList<>();
        f.feed(stream, 0, split, out::add);
        f.feed(stream, split, stream.length - split, out::add);
        return out;
    }

    private static String text(StreamFrame f) {
        return new String(((StreamFrame.Message) f).bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void sameMessagesWhateverTheSplitPoint() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(bytes(SampleMessages.INVITE));
        s.writeBytes(bytes("\r\n\r\n"));
        s.writeBytes(bytes(SampleMessages.OK));
        s.writeBytes(bytes("\r\n"));
        s.writeBytes(bytes(SampleMessages.INVITE));
        byte[] stream = s.toByteArray();
        for (int split = 0; split <= stream.length; split++) {
            List<StreamFrame> frames = feedInTwo(stream, split);
            assertThat(frames).as("split at %d", split).hasSize(4);
            assertThat(text(frames.get(0))).isEqualTo(SampleMessages.INVITE);
            assertThat(frames.get(1)).isInstanceOf(StreamFrame.KeepAlivePing.class);
            assertThat(text(frames.get(2))).isEqualTo(SampleMessages.OK);
            assertThat(text(frames.get(3))).isEqualTo(SampleMessages.INVITE);
        }
    }

    @Test
    void byteByByte() {
        byte[] stream = bytes(SampleMessages.OK + SampleMessages.INVITE);
        SipStreamFramer f = new SipStreamFramer();
        List<StreamFrame> out = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            f.feed(stream, i, 1, out::add);
        }
        assertThat(out).hasSize(2);
        assertThat(text(out.get(1))).isEqualTo(SampleMessages.INVITE);
        assertThat(f.buffered()).isZero();
    }

    @Test
    void oversizedHeadersEndTheStream() {
        SipStreamFramer f = new SipStreamFramer(new ParserLimits(64, 256, 8, 100));
        List<StreamFrame> out = new ArrayList<>();
        byte[] junk = bytes("OPTIONS sip:a@b SIP/2.0\r\n" + "X: y\r\n".repeat(100));
        f.feed(junk, 0, junk.length, out::add);
        assertThat(out).singleElement().isInstanceOf(StreamFrame.Error.class);
        f.feed(junk, 0, junk.length, out::add);
        assertThat(out).hasSize(1);
    }

    @Test
    void hugeContentLengthEndsTheStream() {
        SipStreamFramer f = new SipStreamFramer();
        List<StreamFrame> out = new ArrayList<>();
        byte[] m = bytes("MESSAGE sip:a@b SIP/2.0\r\nl: 99999999\r\n\r\n");
        f.feed(m, 0, m.length, out::add);
        assertThat(((StreamFrame.Error) out.get(0)).reason()).contains("exceeds");
    }

    @Test
    void missingContentLengthMeansNoBody() {
        SipStreamFramer f = new SipStreamFramer();
        List<StreamFrame> out = new ArrayList<>();
        byte[] m = bytes("BYE sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n" + SampleMessages.OK);
        f.feed(m, 0, m.length, out::add);
        assertThat(out).hasSize(2);
        assertThat(text(out.get(0))).endsWith("Call-ID: x\r\n\r\n");
    }

    @Test
    void crlfFollowedByALoneCrDoesNotStallTheStream() {
        // "\r\n\r" then a start line: the CRLF is noise, the stray CR starts a garbage line.
        // The framer used to wait forever here, buffering without any limit.
        SipStreamFramer f = new SipStreamFramer();
        List<StreamFrame> out = new ArrayList<>();
        f.feed(bytes("\r\n\rX"), 0, 4, out::add);
        byte[] filler = bytes("a".repeat(100_000));
        f.feed(filler, 0, filler.length, out::add);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isInstanceOf(StreamFrame.Error.class);
        assertThat(f.buffered()).isZero();
    }

    @Test
    void crlfThenCrAndMessageStillFramesTheMessage() {
        SipStreamFramer f = new SipStreamFramer();
        List<StreamFrame> out = new ArrayList<>();
        byte[] s = bytes("\r\n" + SampleMessages.OK);
        f.feed(s, 0, s.length, out::add);
        assertThat(out).hasSize(1);
        assertThat(text(out.get(0))).isEqualTo(SampleMessages.OK);
    }
}
