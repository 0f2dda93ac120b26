package io.callops.sip;

import java.nio.charset.StandardCharsets;

/** Realistic messages shared by the codec tests and the codec benchmark. */
public final class SampleMessages {
    private SampleMessages() {}

    /** A one-stream audio offer (224 bytes), the body of {@link #INVITE}. */
    public static final String SDP =
            "v=0\r\n"
            + "o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.101\r\n"
            + "t=0 0\r\n"
            + "m=audio 49172 RTP/AVP 0 8 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=sendrecv\r\n";

    public static final String INVITE =
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "Route: <sip:proxy1.example.com;lr>, <sip:proxy2.example.com;lr>\r\n"
            + "To: Bob <sip:bob@biloxi.example.com>\r\n"
            + "From: \"Alice A.\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:alice@pc33.atlanta.example.com:5060;transport=udp>\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, REFER, NOTIFY, OPTIONS\r\n"
            + "Supported: replaces, timer\r\n"
            + "User-Agent: ExamplePhone/1.2\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 224\r\n"
            + "\r\n"
            + SDP;

    public static final String OK =
            "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP proxy1.example.com;branch=z9hG4bK2d4790.1;received=192.0.2.3\r\n"
            + "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5060\r\n"
            + "Record-Route: <sip:proxy1.example.com;lr>\r\n"
            + "To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r\n"
            + "From: \"Alice A.\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:bob@192.0.2.4>\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n";

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
