package io.callops.proxy;

import io.callops.sip.RequestValidator;
import io.callops.transport.SipTransport;
import java.util.concurrent.atomic.AtomicReference;

/** What every worker's proxy core shares: transport, addresses, routing and counters. */
public final class ProxyServices {
    private final SipTransport transport;
    private final OurAddresses addresses;
    private final AtomicReference<RouteTable> routes;
    private final Router router;
    private final Locator locator;
    private final HostResolver resolver;
    private final RequestValidator validator;
    private final ProxySettings settings;
    private final ProxyStats stats = new ProxyStats();

    public ProxyServices(SipTransport transport, OurAddresses addresses, RouteTable routes, Router router,
                         Locator locator, HostResolver resolver, RequestValidator validator, ProxySettings settings) {
        this.transport = transport;
        this.addresses = addresses;
        this.routes = new AtomicReference<>(routes);
        this.router = router;
        this.locator = locator;
        this.resolver = resolver;
        this.validator = validator;
        this.settings = settings;
    }

    public SipTransport transport() {
        return transport;
    }

    public OurAddresses addresses() {
        return addresses;
    }

    public RouteTable routes() {
        return routes.get();
    }

    /** Swaps in a new static route table (MI reload); requests in progress keep the old one. */
    public void replaceRoutes(RouteTable table) {
        routes.set(table);
    }

    public Router router() {
        return router;
    }

    public Locator locator() {
        return locator;
    }

    public HostResolver resolver() {
        return resolver;
    }

    public RequestValidator validator() {
        return validator;
    }

    public ProxySettings settings() {
        return settings;
    }

    public ProxyStats stats() {
        return stats;
    }
}
