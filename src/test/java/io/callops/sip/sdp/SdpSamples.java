package io.callops.sip.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the hand-written SDP bodies under src/test/resources/sdp. */
final class SdpSamples {
    static final List<String> ALL = List.of(
            "audio-pcmu-pcma-dtmf.sdp",
            "audio-video.sdp",
            "rejected-video.sdp",
            "session-level-recvonly.sdp",
            "already-inactive.sdp",
            "media-recvonly.sdp",
            "lf-only.sdp");

    private SdpSamples() {}

    static byte[] bytes(String name) {
        try (InputStream in = SdpSamples.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /sdp/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String name) {
        byte[] bytes = bytes(name);
        return SessionDescription.parse(bytes, 0, bytes.length);
    }

    /** Text written with \n in a text block, turned into the CRLF form SDP uses on the wire. */
    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
