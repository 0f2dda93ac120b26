package io.callops.testsupport;

import io.callops.server.ProxyServer;
import io.callops.server.config.ConfigLoader;
import io.callops.server.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A callops proxy started in the test's JVM on free loopback ports (UDP and TCP on the same
 * port), configured through the same keys as the YAML file.
 */
public final class TestProxy implements AutoCloseable {
    private final ProxyServer server;
    private final int port;

    private TestProxy(ProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a proxy; {@code overrides} are config keys such as {@code sip.timer_c_ms}. */
    public static TestProxy start(Map<String, ?> overrides) {
        int port = FreePorts.udpAndTcp();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("listen", List.of("udp:127.0.0.1:" + port, "tcp:127.0.0.1:" + port));
        all.put("dialog.store.type", "none");
        // A free port unless the test picks one: proxies started side by side must not fight over 8888.
        all.put("mi.listen", "127.0.0.1:0");
        all.putAll(overrides);
        ServerConfig config = ConfigLoader.load(null, all);
        ProxyServer server = ProxyServer.start(config);
        // With the listen list overridden, the port is the first one actually listened on.
        return new TestProxy(server, server.transport().listenAddresses().get(0).port());
    }

    public static TestProxy start() {
        return start(Map.of());
    }

    /** The port of the first listen address. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, the SIPp remote host form. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The port the management interface listens on. */
    public int miPort() {
        return server.mi().address().getPort();
    }

    public ProxyServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
