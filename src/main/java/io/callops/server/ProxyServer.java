package io.callops.server;

import io.callops.api.CommandRegistry;
import io.callops.api.EventSink;
import io.callops.dialog.DialogCommands;
import io.callops.dialog.DialogEvents;
import io.callops.dialog.DialogLayer;
import io.callops.dialog.DialogListener;
import io.callops.dialog.DialogSettings;
import io.callops.dialog.DialogStats;
import io.callops.dialog.Dialogs;
import io.callops.dialog.store.DialogRecord;
import io.callops.dialog.store.DialogStore;
import io.callops.dialog.store.DialogStoreException;
import io.callops.dialog.store.InMemoryDialogStore;
import io.callops.dialog.store.SqliteDialogStore;
import io.callops.server.config.DialogConfig;
import io.callops.ops.CallopsEvents;
import io.callops.ops.hold.HoldCommands;
import io.callops.ops.hold.Holds;
import io.callops.ops.transfer.LinkTokens;
import io.callops.ops.transfer.TransferCommands;
import io.callops.ops.transfer.TransferControl;
import io.callops.ops.transfer.TransferSettings;
import io.callops.ops.transfer.TransferStats;
import io.callops.ops.transfer.Transfers;
import io.callops.events.EventBus;
import io.callops.events.EventCommands;
import io.callops.events.EventSettings;
import io.callops.events.InMemorySubscriptionStore;
import io.callops.events.SqliteSubscriptionStore;
import io.callops.events.SubscriptionStore;
import io.callops.mi.CoreCommands;
import io.callops.mi.CoreSources;
import io.callops.mi.Metrics;
import io.callops.mi.MiRequestStats;
import io.callops.mi.MiServer;
import io.callops.mi.MiSettings;
import io.callops.proxy.DefaultRouter;
import io.callops.proxy.Dispatcher;
import io.callops.proxy.HostResolver;
import io.callops.proxy.OurAddresses;
import io.callops.proxy.ProxyCore;
import io.callops.proxy.ProxyServices;
import io.callops.proxy.ProxySettings;
import io.callops.proxy.RouteTable;
import io.callops.proxy.Router;
import io.callops.proxy.registrar.LocationService;
import io.callops.proxy.registrar.Registrar;
import io.callops.proxy.registrar.RegistrarLocator;
import io.callops.proxy.registrar.RegistrarSettings;
import io.callops.server.config.EventsConfig;
import io.callops.server.config.MiConfig;
import io.callops.server.config.RoutesFile;
import io.callops.server.config.ServerConfig;
import io.callops.server.config.SipConfig;
import io.callops.server.config.StoreConfig;
import io.callops.server.config.StoreType;
import io.callops.sip.ParserLimits;
import io.callops.sip.RequestValidator;
import io.callops.transport.NettySipTransport;
import io.callops.transport.TransportSettings;
import io.callops.txn.TimerSettings;
import io.callops.txn.TransactionLayer;
import io.callops.txn.TxnStats;
import io.callops.txn.WorkerPool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running proxy: everything built from a {@link ServerConfig}, started and stopped as one. */
public final class ProxyServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProxyServer.class);

    /** Dialog changes waiting for the disk beyond this are dropped (and counted) rather than held in memory. */
    private static final int MAX_PENDING_DIALOG_WRITES = 200_000;

    private final ServerConfig config;
    private final WorkerPool workers;
    private final NettySipTransport transport;
    private final ProxyServices services;
    private final TxnStats txnStats = new TxnStats();
    private final TransactionLayer[] layers;
    private final LocationService location;
    private final HostResolver resolver = new HostResolver();
    private final ScheduledExecutorService housekeeping;
    private final CommandRegistry commands = new CommandRegistry();
    private final DialogStore dialogStore;
    private final DialogStats dialogStats = new DialogStats();
    private final List<DialogListener> dialogListeners = new CopyOnWriteArrayList<>();
    private final Dialogs dialogs;
    private final TransferStats transferStats = new TransferStats();
    private final TransferControl transfers;
    private final Holds holds;
    private final EventBus events;
    private volatile MiServer mi;
    private volatile Metrics metrics;
    private volatile boolean closed;
    private volatile boolean quiet;
    private final List<Runnable> retired = new CopyOnWriteArrayList<>();

    private ProxyServer(ServerConfig config) {
        this(config, null);
    }

    /**
     * @param host null, or the proxy whose I/O threads and workers this one runs on (the
     *             warm-up instance runs on the threads of the real one)
     */
    private ProxyServer(ServerConfig config, ProxyServer host) {
        this.config = config;
        // First: a store that cannot be opened stops the start before any thread or socket exists.
        this.dialogStore = openDialogStore(config.dialog());
        // Then the events, so that every layer built below can declare and raise its events.
        this.events = new EventBus(eventSettings(config.events()));
        SipConfig sip = config.sip();
        TimerSettings timers = new TimerSettings(sip.t1Ms(), sip.t2Ms(), sip.t4Ms(), sip.timerCMs());
        this.location = new LocationService(() -> System.nanoTime() / 1_000_000L, config.registrar().maxContactsPerAor());
        Registrar registrar = new Registrar(new RegistrarSettings(config.registrar().minExpires(),
                config.registrar().maxExpires(), config.registrar().defaultExpires(),
                config.registrar().maxContactsPerAor()), location, Clock.systemUTC());
        ParserLimits limits = new ParserLimits(8 * 1024, 64 * 1024, 256, sip.maxMessageSize());
        TransportSettings ts = TransportSettings.DEFAULT
                .withIoThreads(sip.effectiveWorkers())
                .withUdpBuffers(sip.udpReceiveBuffer(), sip.udpSendBuffer())
                .withTcpIdleTimeout(Duration.ofSeconds(sip.tcpIdleTimeoutS()))
                .withTcpConnectTimeout(Duration.ofMillis(sip.tcpConnectTimeoutMs()))
                .withMaxTcpConnections(sip.maxTcpConnections())
                .withParserLimits(limits)
                // The warm-up instance shares the real one's threads but not its ports.
                .withUdpWorkerPorts(host == null ? sip.udpWorkerPorts() : 0);
        DispatcherHolder holder = new DispatcherHolder();
        this.transport = host == null ? new NettySipTransport(config.listen(), ts, holder)
                : new NettySipTransport(config.listen(), ts, holder, host.transport);
        this.workers = host == null ? new WorkerPool(transport.eventLoops()) : host.workers;
        ProxyCore[] cores = new ProxyCore[workers.size()];
        this.layers = new TransactionLayer[workers.size()];
        this.services = new ProxyServices(transport, new OurAddresses(config.listen(), config.localDomains(), ts.udpWorkerPorts()),
                new RouteTable(allRoutes(config)), loadRouter(config), new RegistrarLocator(registrar), resolver,
                new RequestValidator(Set.of()), new ProxySettings(sip.maxForwardsDefault(),
                        sip.serverHeader().isEmpty() ? null : sip.serverHeader(), 1300, sip.recordRoute()));
        DialogEvents.declare(events);
        DialogSettings dialogSettings = dialogSettings(config.dialog());
        DialogLayer[] dialogLayers = new DialogLayer[workers.size()];
        for (int i = 0; i < cores.length; i++) {
            layers[i] = new TransactionLayer(workers.get(i), transport, timers, txnStats);
            cores[i] = new ProxyCore(workers.get(i), layers[i], services);
            dialogLayers[i] = new DialogLayer(workers.get(i), layers[i], services, dialogSettings, dialogStore, events,
                    Clock.systemUTC(), dialogListeners, dialogStats);
            cores[i].setTracker(dialogLayers[i]);
        }
        this.dialogs = new Dialogs(workers, dialogLayers);
        CallopsEvents.declare(events);
        this.transfers = new TransferControl(dialogs, new Transfers(dialogs, transferSettings(config),
                new LinkTokens(LinkSecret.load(config)), events, transferStats));
        dialogListeners.add(transfers);
        this.holds = new Holds(dialogs, events);
        dialogListeners.add(holds); // before recovery: holds in flight at a restart end with fail
        for (ProxyCore core : cores) {
            core.setCallControl(transfers);
        }
        holder.target = new Dispatcher(workers, cores, services);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "callops-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    private static DialogStore openDialogStore(DialogConfig c) {
        if (c.store().type() == StoreType.NONE) {
            return new InMemoryDialogStore();
        }
        try {
            return SqliteDialogStore.open(c.store().path(), c.store().flushDelayMs(), MAX_PENDING_DIALOG_WRITES);
        } catch (DialogStoreException e) {
            throw new IllegalStateException("dialog.store.path: " + e.getMessage(), e);
        }
    }

    private static TransferSettings transferSettings(ServerConfig config) {
        var c = config.callops();
        return new TransferSettings(c.mode(), c.matchParam(), c.endTransferredDialog(), c.transferTimeoutS() * 1000L,
                c.referredBy(), c.referSub());
    }

    private static DialogSettings dialogSettings(DialogConfig c) {
        return new DialogSettings(c.timeoutS(), c.byeOnTimeout(), c.refreshOnTraffic(), c.lingerMs(), c.inviteWaitMs(),
                c.retries491());
    }

    /** Takes the stored dialogs back, each on the worker that owns its Call-ID, before traffic starts. */
    private void recoverDialogs() {
        List<DialogRecord> stored = dialogStore.loadAll();
        if (stored.isEmpty()) return;
        java.util.concurrent.CompletableFuture<?>[] done = new java.util.concurrent.CompletableFuture<?>[stored.size()];
        for (int i = 0; i < stored.size(); i++) {
            DialogRecord r = stored.get(i);
            done[i] = dialogs.onCall(r.callId(), layer -> {
                layer.recover(r);
                return null;
            });
        }
        java.util.concurrent.CompletableFuture.allOf(done).join();
        log.info("recovered {} dialogs from the store", dialogStats.recovered.sum());
    }

    /** Builds and starts a proxy; on failure everything opened so far is closed again. */
    public static ProxyServer start(ServerConfig config) {
        return start(config, server -> { });
    }

    /**
     * Builds and starts a proxy, running {@code beforeTraffic} on it once the store has opened
     * and the MI is up (so a bad store or a busy MI port still stops the start at once) and
     * before any of its SIP sockets is bound.
     */
    public static ProxyServer start(ServerConfig config, Consumer<ProxyServer> beforeTraffic) {
        ProxyServer s = new ProxyServer(config);
        try {
            s.events.start(openSubscriptionStore(config.dialog().store()));
            s.recoverDialogs();
            s.startManagement();
            beforeTraffic.accept(s);
            s.transport.start();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        s.housekeeping.scheduleWithFixedDelay(s.location::purgeExpired, 10, 10, TimeUnit.SECONDS);
        log.info("callops listening on {} domains={} routes={} workers={}", config.listen(), config.localDomains(),
                s.services.routes().size(), s.workers.size());
        return s;
    }

    /**
     * A proxy with SIP only, on the I/O threads and workers of {@code host}: no management
     * interface, nothing recovered, no log lines of its own. The warm-up instance is one.
     */
    static ProxyServer startSipOnly(ServerConfig config, ProxyServer host) {
        ProxyServer s = new ProxyServer(config, host);
        s.quiet = true;
        try {
            s.events.start(openSubscriptionStore(config.dialog().store()));
            s.transport.start();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Keeps {@code other} (the warm-up instance) until {@code afterMs} from now, when every timer
     * it may still have set on the shared workers has fired, then closes it and runs
     * {@code afterClose}; or does so when this proxy stops, if that comes first.
     */
    void retire(ProxyServer other, long afterMs, Runnable afterClose) {
        Runnable close = () -> {
            other.close();
            afterClose.run();
        };
        retired.add(close);
        // Whichever comes first, the timer or the shutdown, removes it and so runs it once.
        housekeeping.schedule(() -> {
            if (retired.remove(close)) {
                close.run();
            }
        }, afterMs, TimeUnit.MILLISECONDS);
    }

    /**
     * The MI comes up before the SIP sockets: a busy MI port stops the start before the
     * warm-up, and the proxy can be queried while it warms up.
     */
    private void startManagement() {
        CallStatistics calls = new CallStatistics(dialogStats, dialogStore, transferStats);
        Map<String, java.util.function.LongSupplier> more = new java.util.LinkedHashMap<>(events.statistics());
        more.putAll(calls.statistics());
        CoreSources sources = new CoreSources(services.stats(), txnStats, transport.stats(), location,
                this::reloadRoutes, housekeeping, Clock.systemDefaultZone(), more, new MiRequestStats());
        CoreCommands.register(commands, sources);
        DialogCommands.register(commands, dialogs);
        HoldCommands.register(commands, dialogs, holds);
        TransferCommands.register(commands, dialogs, transfers.transfers());
        EventCommands.register(commands, events);
        metrics = new Metrics(sources);
        metrics.bind(events.meters());
        metrics.bind(calls);
        MiConfig c = config.mi();
        try {
            mi = MiServer.start(new MiSettings(c.listenAddress(), c.token(), c.maxBodyBytes()), commands, metrics::scrape,
                    sources.miRequests());
        } catch (RuntimeException e) {
            throw new IllegalStateException("management interface (mi.listen " + c.listen() + ") did not start: "
                    + e.getMessage(), e);
        }
    }

    private static EventSettings eventSettings(EventsConfig c) {
        return new EventSettings(c.queueSize(), c.deliveryThreads(), c.httpRetries(), Duration.ofMillis(c.httpTimeoutMs()));
    }

    /** Subscriptions share the dialogs' SQLite file; a file that cannot be used stops the start. */
    private static SubscriptionStore openSubscriptionStore(StoreConfig store) {
        if (store.type() == StoreType.NONE) {
            return new InMemorySubscriptionStore();
        }
        try {
            return SqliteSubscriptionStore.open(store.path());
        } catch (RuntimeException e) {
            throw new IllegalStateException("dialog.store.path: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> allRoutes(ServerConfig config) {
        return config.hasRoutesFile() ? RoutesFile.combine(config.routes(), RoutesFile.load(config.routesFile()))
                : config.routes();
    }

    private static Router loadRouter(ServerConfig config) {
        if (config.router().isDefault()) {
            return new DefaultRouter();
        }
        String name = config.router().className();
        try {
            Object o = Class.forName(name).getDeclaredConstructor().newInstance();
            if (!(o instanceof Router r)) {
                throw new IllegalArgumentException("router.class " + name + " does not implement " + Router.class.getName());
            }
            return r;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("router.class " + name + " cannot be loaded: " + e, e);
        }
    }

    /** Re-reads the static routes (configuration plus routes file) and swaps them in. */
    public int reloadRoutes() {
        RouteTable t = new RouteTable(allRoutes(config));
        services.replaceRoutes(t);
        return t.size();
    }

    public ServerConfig config() {
        return config;
    }

    public ProxyServices services() {
        return services;
    }

    public TxnStats transactionStats() {
        return txnStats;
    }

    public NettySipTransport transport() {
        return transport;
    }

    public LocationService location() {
        return location;
    }

    /** Where layers declare and raise their events, and Java code adds listeners. */
    public EventBus events() {
        return events;
    }

    /** Where layers register their management commands. */
    public CommandRegistry commands() {
        return commands;
    }

    /** Every worker's dialogs. */
    public Dialogs dialogs() {
        return dialogs;
    }

    public DialogStats dialogStats() {
        return dialogStats;
    }

    public TransferStats transferStats() {
        return transferStats;
    }

    /** Adds a listener for dialog creation, in-dialog requests and state changes (before start). */
    public void addDialogListener(DialogListener listener) {
        dialogListeners.add(listener);
    }

    /** The running management interface; null before start or when it failed to start. */
    public MiServer mi() {
        return mi;
    }

    /**
     * Stops taking new messages, lets transactions in progress finish for up to
     * {@code graceMs}, then closes everything.
     */
    public synchronized void shutdown(long graceMs) {
        if (closed) return;
        closed = true;
        // Management commands stop first: nothing should act on a proxy that is going away.
        if (mi != null) {
            mi.close();
            metrics.close();
        }
        long deadline = System.nanoTime() / 1_000_000 + graceMs;
        while (System.nanoTime() / 1_000_000 < deadline && activeTransactions() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The warm-up instance's sockets go before the I/O threads that serve them.
        for (Runnable r : retired) {
            if (retired.remove(r)) {
                r.run();
            }
        }
        transport.close();
        housekeeping.shutdownNow();
        workers.shutdown(1000);
        dialogStore.close();
        resolver.close();
        // Last, so that the events of calls ending during the grace period still go out.
        events.close();
        if (!quiet) {
            log.info("callops stopped");
        }
    }

    private long activeTransactions() {
        return txnStats.activeServer.sum() + txnStats.activeClient.sum();
    }

    @Override
    public void close() {
        shutdown(0);
    }

    /** Lets the transport be built before the dispatcher that needs it. */
    private static final class DispatcherHolder implements io.callops.transport.InboundHandler {
        volatile io.callops.transport.InboundHandler target;

        @Override
        public void onMessage(io.callops.sip.SipMessage message, io.callops.transport.Flow flow) {
            target.onMessage(message, flow);
        }

        @Override
        public void onUnparseable(io.callops.sip.ParseResult.Failure failure, io.callops.transport.Flow flow, int size) {
            target.onUnparseable(failure, flow, size);
        }
    }
}
