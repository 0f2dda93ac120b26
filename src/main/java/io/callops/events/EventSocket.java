package io.callops.events;

import java.net.URI;

/**
 * Where a subscriber wants its events: {@code udp:host:port}, {@code tcp:host:port},
 * {@code http://...} or {@code https://...}. Hosts are IP literals (IPv6 in brackets) or host
 * names; a name is only resolved later, off the SIP path. {@link #text()} is the canonical form
 * that identifies a subscription, so that re-subscribing the same socket refreshes it.
 */
public sealed interface EventSocket permits EventSocket.Udp, EventSocket.Tcp, EventSocket.Http {

    /** The canonical text, as listed by {@code subscribers_list} and kept in the store. */
    String text();

    DeliveryTransport transport();

    /** The host as written in the socket (IPv6 in brackets). */
    String host();

    /** One JSON-RPC notification per datagram. */
    record Udp(String host, int port) implements EventSocket {
        @Override
        public String text() {
            return "udp:" + host + ":" + port;
        }

        @Override
        public DeliveryTransport transport() {
            return DeliveryTransport.UDP;
        }
    }

    /** The notifications written one after another on one TCP connection. */
    record Tcp(String host, int port) implements EventSocket {
        @Override
        public String text() {
            return "tcp:" + host + ":" + port;
        }

        @Override
        public DeliveryTransport transport() {
            return DeliveryTransport.TCP;
        }
    }

    /** One POST per notification. */
    record Http(URI uri) implements EventSocket {
        @Override
        public String text() {
            return uri.toString();
        }

        @Override
        public DeliveryTransport transport() {
            return "https".equals(uri.getScheme()) ? DeliveryTransport.HTTPS : DeliveryTransport.HTTP;
        }

        @Override
        public String host() {
            return uri.getHost();
        }
    }

    /**
     * Reads a socket as given to {@code event_subscribe}.
     *
     * @throws InvalidSocketException for anything that is not one of the four forms
     */
    static EventSocket parse(String text) {
        return SocketParser.parse(text);
    }
}
