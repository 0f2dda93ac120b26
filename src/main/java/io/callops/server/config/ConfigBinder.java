package io.callops.server.config;

import io.callops.ops.LinkMode;
import com.fasterxml.jackson.databind.JsonNode;
import io.callops.transport.ListenAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a type-checked {@link ConfigTree} into the {@link ServerConfig} records. Range checks
 * live in the records' constructors, so this class only converts.
 */
final class ConfigBinder {
    private final ConfigTree tree;

    private ConfigBinder(ConfigTree tree) {
        this.tree = tree;
    }

    static ServerConfig bind(ConfigTree tree) {
        return new ConfigBinder(tree).bind();
    }

    private ServerConfig bind() {
        List<ListenAddress> listen = new ArrayList<>();
        for (String s : list("listen")) {
            try {
                listen.add(ListenAddress.parse(s.trim()));
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid("listen", e.getMessage());
            }
        }
        String routesFile = optional("routes_file");
        return new ServerConfig(
                listen,
                list("domains"),
                map("routes"),
                routesFile == null || routesFile.isBlank() ? null : Path.of(routesFile),
                new LogConfig(str("log.level"), LogFormat.parse("log.format", str("log.format")), bool("log.sip_trace")),
                new SipConfig(
                        integer("sip.t1_ms"),
                        integer("sip.t2_ms"),
                        integer("sip.t4_ms"),
                        integer("sip.timer_c_ms"),
                        integer("sip.tcp_idle_timeout_s"),
                        integer("sip.tcp_connect_timeout_ms"),
                        integer("sip.max_tcp_connections"),
                        integer("sip.udp_receive_buffer"),
                        integer("sip.udp_send_buffer"),
                        integer("sip.workers"),
                        integer("sip.max_message_size"),
                        bool("sip.record_route"),
                        integer("sip.max_forwards_default"),
                        str("sip.server_header"),
                        integer("sip.warmup_calls"),
                        integer("sip.udp_worker_ports")),
                new RegistrarConfig(
                        integer("registrar.min_expires"),
                        integer("registrar.max_expires"),
                        integer("registrar.default_expires"),
                        integer("registrar.max_contacts_per_aor")),
                new RouterConfig(str("router.class")),
                new MiConfig(str("mi.listen"), optional("mi.token"), integer("mi.max_body_bytes")),
                new DialogConfig(
                        integer("dialog.timeout_s"),
                        bool("dialog.bye_on_timeout"),
                        bool("dialog.refresh_on_traffic"),
                        integer("dialog.linger_ms"),
                        integer("dialog.invite_wait_ms"),
                        integer("dialog.retries_491"),
                        new StoreConfig(
                                StoreType.parse("dialog.store.type", str("dialog.store.type")),
                                Path.of(str("dialog.store.path")),
                                integer("dialog.store.flush_delay_ms"))),
                new EventsConfig(
                        integer("events.queue_size"),
                        integer("events.delivery_threads"),
                        integer("events.http_retries"),
                        integer("events.http_timeout_ms")),
                new CallopsConfig(
                        linkMode(str("callops.mode")),
                        str("callops.match_param").trim(),
                        bool("callops.end_transferred_dialog"),
                        integer("callops.transfer_timeout_s"),
                        optional("callops.secret"),
                        str("callops.referred_by").trim(),
                        bool("callops.refer_sub")));
    }

    private JsonNode node(String path) {
        // Every path read here must be in the catalogue; a miss is a bug in this class, not bad input.
        if (ConfigKeys.byPath(path).isEmpty()) {
            throw new IllegalStateException("not a catalogued key: " + path);
        }
        return tree.get(path);
    }

    private int integer(String path) {
        return node(path).intValue();
    }

    private boolean bool(String path) {
        return node(path).booleanValue();
    }

    private String str(String path) {
        return node(path).asText();
    }

    private String optional(String path) {
        JsonNode n = node(path);
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private List<String> list(String path) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : node(path)) {
            out.add(item.asText());
        }
        return out;
    }

    private Map<String, String> map(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node(path).properties()) {
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static LinkMode linkMode(String text) {
        try {
            return LinkMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid("callops.mode", e.getMessage());
        }
    }
}
