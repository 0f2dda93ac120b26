package io.callops.transport;

import io.callops.sip.SipParser;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.util.concurrent.EventExecutor;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP and TCP (RFC 3261 §18) on Netty. Reads are parsed on the I/O threads and handed
 * to the {@link InboundHandler}; {@code send} may be called from any thread and never blocks.
 *
 * <p>A listen address with port 0 gets a port from the kernel; {@link #listenAddresses()}
 * reports the bound ports once {@link #start()} has returned.
 */
public final class NettySipTransport implements SipTransport {
    private static final Logger log = LoggerFactory.getLogger(NettySipTransport.class);

    /** What each UDP read takes from the pool: room for the largest datagram, so none is truncated. */
    public static final int UDP_READ_BUFFER = 65_536;
    private static final long BIND_TIMEOUT_SECONDS = 10;
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;
    /** A peer that stops reading gets no more than this queued for it. */
    private static final WriteBufferWaterMark TCP_WATER_MARK = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    private final List<ListenAddress> configured;
    private final TransportSettings settings;
    private final TransportStats stats = new TransportStats();
    private final TransportContext context;

    private enum State { NEW, RUNNING, CLOSED }

    private volatile State state = State.NEW;
    private volatile List<ListenAddress> bound;
    private volatile UdpSender udp;
    private volatile TcpSender tcp;
    private final EventLoops loops;
    private final boolean ownsLoops;
    private final List<Channel> listenChannels = new ArrayList<>();
    /** Per I/O thread, in {@link #eventLoops()} order: its own UDP socket on the first UDP host; empty when off. */
    private volatile List<Channel> ownUdpSockets = List.of();

    public NettySipTransport(List<ListenAddress> listen, TransportSettings settings, InboundHandler handler) {
        this(listen, settings, handler, new EventLoops(settings.ioThreads()), true);
    }

    /**
     * A transport whose sockets are served by the I/O threads of {@code owner}; closing it
     * closes its sockets only, the threads stay with their owner.
     */
    public NettySipTransport(List<ListenAddress> listen, TransportSettings settings, InboundHandler handler,
                             NettySipTransport owner) {
        this(listen, settings, handler, owner.loops, false);
    }

    private NettySipTransport(List<ListenAddress> listen, TransportSettings settings, InboundHandler handler,
                              EventLoops loops, boolean ownsLoops) {
        Objects.requireNonNull(handler, "handler");
        this.configured = List.copyOf(listen);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bound = configured;
        this.context = new TransportContext(settings, stats,
                new InboundDispatcher(new SipParser(settings.parserLimits()), handler, stats), new TcpConnections(stats));
        this.loops = loops;
        this.ownsLoops = ownsLoops;
    }

    /**
     * The I/O event loops, in a fixed order. They exist from construction on, so the layers
     * above can run their per-call work on them: a message handled on the loop that read it
     * and answered on a socket of that same loop costs no thread hand-over at all.
     */
    public List<EventLoop> eventLoops() {
        List<EventLoop> out = new ArrayList<>();
        for (EventExecutor e : loops.group) {
            out.add((EventLoop) e);
        }
        return out;
    }

    /** Binds every listen address. Throws {@link TransportBindException} naming the first that fails, closing the rest. */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("transport already " + state.name().toLowerCase());
        }
        if (loops.epoll) {
            log.info("SIP transport uses {} with {} I/O thread(s)", loops.name(), settings.ioThreads());
        } else {
            log.info("SIP transport uses {} with {} I/O thread(s); epoll unavailable: {}", loops.name(),
                    settings.ioThreads(), String.valueOf(EventLoops.epollUnavailabilityCause()));
        }
        LinkedHashMap<InetSocketAddress, List<Channel>> udpSockets = new LinkedHashMap<>();
        List<ListenAddress> actual = new ArrayList<>();
        for (ListenAddress la : configured) {
            List<Channel> chs;
            try {
                chs = la.transport() == TransportType.UDP ? bindUdp(la) : List.of(bindTcp(la));
            } catch (RuntimeException | IOException e) {
                state = State.CLOSED;
                shutdown();
                throw new TransportBindException(la, e);
            }
            listenChannels.addAll(chs);
            ListenAddress now = new ListenAddress(la.transport(), (InetSocketAddress) chs.get(0).localAddress());
            actual.add(now);
            if (la.transport() == TransportType.UDP) {
                udpSockets.put(now.address(), chs);
            }
            log.info("listening on {}", now);
        }
        bound = List.copyOf(actual);
        try {
            ownUdpSockets = bindWorkerPorts(udpSockets);
        } catch (TransportBindException e) {
            state = State.CLOSED;
            shutdown();
            throw e;
        }
        udp = new UdpSender(udpSockets, stats);
        tcp = new TcpSender(outboundBootstrap(), context.connections(), stats);
        state = State.RUNNING;
    }

    /**
     * With {@link UdpWorkerPorts} on, binds port {@code base + i} on loop {@code i} for every
     * UDP listen host, adds those sockets to {@code udpSockets} (replies to what arrives on them
     * leave from them) and returns each loop's socket on the first UDP host.
     */
    private List<Channel> bindWorkerPorts(LinkedHashMap<InetSocketAddress, List<Channel>> udpSockets) {
        List<EventLoop> loopList = eventLoops();
        UdpWorkerPorts ports = settings.udpWorkerPorts();
        if (!ports.enabled() || udpSockets.isEmpty()) {
            return List.of();
        }
        List<java.net.InetAddress> hosts = new ArrayList<>();
        for (InetSocketAddress a : udpSockets.keySet()) {
            if (!hosts.contains(a.getAddress())) {
                hosts.add(a.getAddress());
            }
        }
        List<Channel> own = new ArrayList<>();
        for (java.net.InetAddress host : hosts) {
            for (int i = 0; i < loopList.size(); i++) {
                ListenAddress la = new ListenAddress(TransportType.UDP, new InetSocketAddress(host, ports.port(i)));
                Channel ch;
                try {
                    ch = bindWorkerPortOn(loopList.get(i), la.address());
                } catch (IOException | RuntimeException e) {
                    throw new TransportBindException(la, e);
                }
                listenChannels.add(ch);
                // Keyed as the socket reports itself, as the flows of what it reads will be.
                ListenAddress now = new ListenAddress(TransportType.UDP, (InetSocketAddress) ch.localAddress());
                udpSockets.put(now.address(), List.of(ch));
                if (host.equals(hosts.get(0))) {
                    own.add(ch);
                }
                log.info("I/O thread {} answers its calls on {}", i, now);
            }
        }
        return List.copyOf(own);
    }

    /**
     * Binds one UDP socket per event loop on the same address (SO_REUSEPORT, epoll only): the
     * kernel spreads peers over the sockets, every loop reads its own, and a loop sends from
     * its own socket without handing the write to another thread.
     */
    private List<Channel> bindUdp(ListenAddress la) throws IOException {
        List<Channel> out = new ArrayList<>();
        InetSocketAddress address = la.address();
        try {
            for (EventLoop loop : eventLoops()) {
                Channel ch = bindUdpOn(loop, la, address);
                out.add(ch);
                address = (InetSocketAddress) ch.localAddress(); // a port 0 request gets one port for all
                if (!loops.epoll) {
                    break; // NIO has no SO_REUSEPORT: one socket, read by one loop
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Channel ch : out) {
                ch.close();
            }
            throw e;
        }
        return out;
    }

    private Bootstrap udpBootstrap(EventLoop loop) {
        return new Bootstrap()
                .group(loop)
                .channel(loops.datagramChannel())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(UDP_READ_BUFFER))
                .option(ChannelOption.SO_RCVBUF, settings.udpReceiveBufferBytes())
                .option(ChannelOption.SO_SNDBUF, settings.udpSendBufferBytes())
                .handler(new UdpInboundHandler(context.dispatcher(), stats));
    }

    /** A thread's own port: read by that loop alone, so no SO_REUSEPORT. */
    private Channel bindWorkerPortOn(EventLoop loop, InetSocketAddress address) throws IOException {
        Bootstrap b = udpBootstrap(loop);
        return await(b.bind(address));
    }

    private Channel bindUdpOn(EventLoop loop, ListenAddress la, InetSocketAddress address) throws IOException {
        Bootstrap b = udpBootstrap(loop);
        if (loops.epoll) {
            b.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        Channel ch = await(b.bind(address));
        checkBufferSizes(la, (DatagramChannel) ch);
        return ch;
    }

    private void checkBufferSizes(ListenAddress la, DatagramChannel ch) {
        int rcv = ch.config().getReceiveBufferSize();
        int snd = ch.config().getSendBufferSize();
        if (rcv < settings.udpReceiveBufferBytes() || snd < settings.udpSendBufferBytes()) {
            // Linux caps SO_RCVBUF at net.core.rmem_max; bursts beyond it are dropped silently.
            log.warn("{}: kernel gave SO_RCVBUF={} SO_SNDBUF={} bytes, asked for {} and {} "
                            + "(raise net.core.rmem_max / wmem_max)", la, rcv, snd,
                    settings.udpReceiveBufferBytes(), settings.udpSendBufferBytes());
        }
    }

    private Channel bindTcp(ListenAddress la) throws IOException {
        ServerBootstrap b = new ServerBootstrap()
                .group(loops.group)
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, TCP_WATER_MARK)
                .childHandler(new TcpPipeline(true, context));
        return await(b.bind(la.address()));
    }

    private Bootstrap outboundBootstrap() {
        return new Bootstrap()
                .group(loops.group)
                .channel(loops.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, TCP_WATER_MARK)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, settings.tcpConnectTimeout().toMillis()))
                .handler(new TcpPipeline(false, context));
    }

    private static Channel await(ChannelFuture f) throws IOException {
        if (!f.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            f.channel().close();
            throw new IOException("bind did not complete within " + BIND_TIMEOUT_SECONDS + " s");
        }
        if (!f.isSuccess()) {
            f.channel().close();
            Throwable c = f.cause();
            throw c instanceof IOException io ? io : new IOException(String.valueOf(c), c);
        }
        return f.channel();
    }

    @Override
    public List<ListenAddress> listenAddresses() {
        return bound;
    }

    @Override
    public Flow ownUdpFlowTo(InetSocketAddress remote) {
        for (Channel ch : ownUdpSockets) {
            if (ch.eventLoop().inEventLoop()) {
                FlowCache flows = ch.attr(FlowCache.KEY).get(); // set by the socket's reader
                return flows != null ? flows.flowTo(remote)
                        : new Flow(TransportType.UDP, (InetSocketAddress) ch.localAddress(), remote, 0);
            }
        }
        return null;
    }

    @Override
    public ListenAddress localFor(TransportType type) {
        for (ListenAddress la : bound) {
            if (la.transport() == type) {
                return la;
            }
        }
        return null;
    }

    public TransportStats stats() {
        return stats;
    }

    /** Open TCP connections, accepted and opened. */
    public int tcpConnectionCount() {
        return context.connections().size();
    }

    @Override
    public void send(Flow flow, byte[] bytes, SendResult result) {
        SipTrace.sent(flow.transport(), flow.remote(), bytes);
        if (!checkSend(flow.transport(), flow.remote(), bytes, result)) {
            return;
        }
        if (flow.transport() == TransportType.UDP) {
            udp.send(flow.local(), flow.remote(), bytes, result);
        } else {
            tcp.send(flow, bytes, result);
        }
    }

    @Override
    public void send(TransportType type, InetSocketAddress destination, byte[] bytes, SendResult result) {
        SipTrace.sent(type, destination, bytes);
        if (!checkSend(type, destination, bytes, result)) {
            return;
        }
        if (type == TransportType.UDP) {
            udp.send(null, destination, bytes, result);
        } else {
            tcp.send(destination, bytes, result);
        }
    }

    private boolean checkSend(TransportType type, InetSocketAddress destination, byte[] bytes, SendResult result) {
        Objects.requireNonNull(result, "result");
        Throwable error = null;
        if (state != State.RUNNING) {
            error = new IllegalStateException("transport is " + state.name().toLowerCase());
        } else if (type == null || destination == null || bytes == null) {
            error = new IllegalArgumentException("transport, destination and bytes are required");
        } else if (destination.isUnresolved()) {
            // Resolving here would block an event loop on DNS; RFC 3263 lookups happen earlier.
            error = new IllegalArgumentException("destination " + destination + " is not resolved");
        }
        if (error != null) {
            SendOutcome.failed(stats, result, error);
            return false;
        }
        return true;
    }

    /** Closes every socket and waits, at most a few seconds, for the I/O threads to end. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        shutdown();
        if (ownsLoops) {
            log.info("SIP transport closed");
        }
    }

    private void shutdown() {
        if (loops == null) {
            return;
        }
        for (Channel ch : listenChannels) {
            ch.close();
        }
        for (Channel ch : context.connections().all()) {
            ch.close();
        }
        if (!ownsLoops) {
            return;
        }
        var terminated = loops.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        if (!loops.inEventLoop()) {
            // Called from an I/O thread (a handler) we must not wait for ourselves.
            if (!terminated.awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("SIP I/O threads did not stop within {} s", SHUTDOWN_TIMEOUT_SECONDS);
            }
        }
    }
}
