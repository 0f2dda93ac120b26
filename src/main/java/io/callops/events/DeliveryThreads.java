package io.callops.events;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The threads of the event layer, none of them a SIP thread:
 * <ul>
 *   <li>{@code events-delivery-N} ({@code events.delivery_threads}): Netty loops; each subscriber
 *       is pinned to one, which runs its queue, its UDP/TCP I/O and its listener calls;</li>
 *   <li>{@code events-io}: one thread for what may block: host name lookups, the store, the
 *       expiry sweep, subscription changes;</li>
 *   <li>{@code events-http-N}: the HTTP client's own pool, made when the first HTTP subscriber comes.</li>
 * </ul>
 */
final class DeliveryThreads implements AutoCloseable {
    private final EventSettings settings;
    private final EventLoopGroup loops;
    private final ScheduledExecutorService io;
    private HttpClient http;
    private ExecutorService httpPool;

    DeliveryThreads(EventSettings settings) {
        this.settings = settings;
        this.loops = new MultiThreadIoEventLoopGroup(settings.deliveryThreads(),
                new DefaultThreadFactory("events-delivery", true), NioIoHandler.newFactory());
        this.io = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "events-io");
            t.setDaemon(true);
            return t;
        });
    }

    /** The loop for a new subscriber, round robin. */
    EventLoop nextLoop() {
        return loops.next();
    }

    ScheduledExecutorService io() {
        return io;
    }

    /** Builds the delivery for a socket, pinned to {@code loop}. */
    Delivery open(EventSocket socket, EventLoop loop) {
        if (socket instanceof EventSocket.Udp u) {
            return new UdpDelivery(new HostAddress(u.host(), u.port(), io), loop);
        }
        if (socket instanceof EventSocket.Tcp t) {
            return new TcpDelivery(new HostAddress(t.host(), t.port(), io), loop);
        }
        EventSocket.Http h = (EventSocket.Http) socket;
        return new HttpDelivery(http(), h.uri(), loop, settings.httpRetries(), settings.httpTimeout());
    }

    private synchronized HttpClient http() {
        if (http == null) {
            httpPool = Executors.newFixedThreadPool(settings.deliveryThreads(), new DefaultThreadFactory("events-http", true));
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // plain POSTs; no h2c upgrade for simple receivers
                    .connectTimeout(settings.httpTimeout())
                    .executor(httpPool)
                    .build();
        }
        return http;
    }

    /** Stops every thread; events still queued are not sent. */
    @Override
    public void close() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        synchronized (this) {
            if (httpPool != null) {
                httpPool.shutdownNow();
            }
        }
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
