package io.callops.events;

import io.callops.sip.uri.HostSyntax;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber's host and port. IP literals are converted once without DNS; names are looked
 * up on the given executor, never on a delivery thread (a slow lookup would hold up every
 * subscriber sharing it), and the answer is reused for a short while.
 */
final class HostAddress {
    private static final long REUSE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final String host;
    private final int port;
    private final Executor resolver;
    private final InetSocketAddress literal;
    private volatile InetSocketAddress lastResolved;
    private volatile long resolvedAtNanos;

    HostAddress(String host, int port, Executor resolver) {
        this.host = unbracketed(host);
        this.port = port;
        this.resolver = resolver;
        this.literal = isLiteral(this.host) ? lookup(this.host, port) : null;
    }

    CompletableFuture<InetSocketAddress> resolve() {
        if (literal != null) {
            return CompletableFuture.completedFuture(literal);
        }
        InetSocketAddress last = lastResolved;
        if (last != null && System.nanoTime() - resolvedAtNanos < REUSE_NANOS) {
            return CompletableFuture.completedFuture(last);
        }
        return CompletableFuture.supplyAsync(() -> {
            InetSocketAddress a = lookup(host, port);
            resolvedAtNanos = System.nanoTime();
            lastResolved = a;
            return a;
        }, resolver);
    }

    /**
     * Checks that a host can be used, blocking for a DNS lookup when it is a name.
     *
     * @throws UnknownHostException when a name does not resolve
     */
    static void check(String host) throws UnknownHostException {
        InetAddress.getByName(unbracketed(host));
    }

    private static InetSocketAddress lookup(String host, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || HostSyntax.isIPv4(host);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
