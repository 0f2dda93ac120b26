package io.callops.dialog;

import io.callops.sip.ParseResult;
import io.callops.sip.SipParser;
import io.callops.sip.SipRequest;
import io.callops.transport.Flow;
import io.callops.transport.ListenAddress;
import io.callops.transport.SendResult;
import io.callops.transport.SipTransport;
import io.callops.transport.TransportType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport that sends nothing: it keeps every message handed to it (parsed back, with
 * where it was going) and tells the sender it went out. One UDP listen address.
 */
final class RecordingTransport implements SipTransport {
    static final ListenAddress LISTEN = ListenAddress.parse("udp:127.0.0.1:5060");

    /** One message handed to the transport: where it went and what it was. */
    record Sent(InetSocketAddress to, SipRequest request) {
    }

    private final SipParser parser = new SipParser();
    private final List<Sent> sent = new ArrayList<>();

    @Override
    public List<ListenAddress> listenAddresses() {
        return List.of(LISTEN);
    }

    @Override
    public ListenAddress localFor(TransportType type) {
        return type == LISTEN.transport() ? LISTEN : null;
    }

    @Override
    public void send(Flow flow, byte[] bytes, SendResult result) {
        record(flow.remote(), bytes);
        result.done(flow, null);
    }

    @Override
    public void send(TransportType type, InetSocketAddress destination, byte[] bytes, SendResult result) {
        record(destination, bytes);
        result.done(new Flow(type, LISTEN.address(), destination, 0), null);
    }

    private void record(InetSocketAddress to, byte[] bytes) {
        ParseResult r = parser.parse(bytes);
        if (!(r instanceof ParseResult.Success s)) throw new AssertionError("sent bytes do not parse: " + r);
        // The dialog layer sends requests only; a response here would be a bug worth failing on.
        sent.add(new Sent(to, (SipRequest) s.message()));
    }

    /** The requests of one method handed over so far, in order. */
    List<Sent> requests(String method) {
        return sent.stream().filter(s -> s.request().isMethod(method)).toList();
    }

    /** Everything handed over so far. */
    List<Sent> all() {
        return List.copyOf(sent);
    }

    @Override
    public void close() {
    }
}
