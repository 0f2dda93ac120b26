package io.callops.server.config;

import static io.callops.server.config.ConfigKey.Kind.BOOL;
import static io.callops.server.config.ConfigKey.Kind.INT;
import static io.callops.server.config.ConfigKey.Kind.LIST;
import static io.callops.server.config.ConfigKey.Kind.MAP;
import static io.callops.server.config.ConfigKey.Kind.OPTIONAL_STRING;
import static io.callops.server.config.ConfigKey.Kind.STRING;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of every configuration key. It is the single list that drives the unknown-key
 * check, the type check, the defaults and the command-line options, so a key cannot exist in
 * the file without also having its option (the rule "every key has a CLI override").
 */
public final class ConfigKeys {
    private ConfigKeys() {}

    public static final List<ConfigKey> ALL = List.of(
            key("listen", "--listen", LIST, List.of("udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"), "PROTO:IP:PORT",
                    "Socket to listen on, e.g. udp:0.0.0.0:5060; repeat for several (replaces the file's list)"),
            key("domains", "--domain", LIST, List.of(), "DOMAIN",
                    "Domain or IP the proxy is responsible for; repeatable (default: the listen hosts)"),
            key("routes", "--route", MAP, Map.of(), "PREFIX=URI",
                    "Static route PREFIX-OR-DOMAIN=sip:host:port; repeatable (replaces the file's routes)"),
            key("routes_file", "--routes-file", OPTIONAL_STRING, null, "FILE",
                    "YAML file with more routes, re-read by the MI command reload_routes"),

            key("log.level", "--log-level", STRING, "info", "LEVEL", "trace, debug, info, warn, error or off"),
            key("log.format", "--log-format", STRING, "text", "FORMAT", "text or json"),
            key("log.sip_trace", "--sip-trace", BOOL, false, "BOOL", "Log every SIP message in full"),

            key("sip.t1_ms", "--t1-ms", INT, 500, "MS", "SIP timer T1 (RTT estimate)"),
            key("sip.t2_ms", "--t2-ms", INT, 4000, "MS", "SIP timer T2 (max retransmit interval)"),
            key("sip.t4_ms", "--t4-ms", INT, 5000, "MS", "SIP timer T4 (max message lifetime)"),
            key("sip.timer_c_ms", "--timer-c-ms", INT, 180000, "MS", "Proxy INVITE timeout (Timer C)"),
            key("sip.tcp_idle_timeout_s", "--tcp-idle-timeout-s", INT, 120, "S", "Close idle TCP connections after this"),
            key("sip.tcp_connect_timeout_ms", "--tcp-connect-timeout-ms", INT, 5000, "MS", "Outgoing TCP connect timeout"),
            key("sip.max_tcp_connections", "--max-tcp-connections", INT, 10000, "N", "Maximum open TCP connections"),
            key("sip.udp_receive_buffer", "--udp-receive-buffer", INT, 4194304, "BYTES", "UDP socket receive buffer"),
            key("sip.udp_send_buffer", "--udp-send-buffer", INT, 4194304, "BYTES", "UDP socket send buffer"),
            key("sip.workers", "--workers", INT, 0, "N", "Threads doing socket I/O and SIP processing; 0 = number of cores"),
            key("sip.max_message_size", "--max-message-size", INT, 65535, "BYTES", "Largest SIP message accepted"),
            key("sip.record_route", "--record-route", BOOL, true, "BOOL", "Stay in the path of in-dialog requests"),
            key("sip.max_forwards_default", "--max-forwards-default", INT, 70, "N", "Max-Forwards for requests without one"),
            key("sip.server_header", "--server-header", STRING, "callops", "TEXT", "Server/User-Agent value; empty = none"),
            key("sip.warmup_calls", "--warmup-calls", INT, 10000, "N",
                    "Loopback calls run through the SIP stack before the listen sockets open; 0 = none"),
            key("sip.udp_worker_ports", "--udp-worker-ports", INT, 0, "PORT",
                    "First of the UDP ports, one per worker, each worker's calls are answered on; 0 = off"),

            key("registrar.min_expires", "--registrar-min-expires", INT, 60, "S", "Shorter registrations get 423"),
            key("registrar.max_expires", "--registrar-max-expires", INT, 3600, "S", "Longer registrations are shortened"),
            key("registrar.default_expires", "--registrar-default-expires", INT, 3600, "S", "Expiry when none is asked"),
            key("registrar.max_contacts_per_aor", "--registrar-max-contacts-per-aor", INT, 10, "N",
                    "Maximum bindings per address-of-record"),

            key("router.class", "--router-class", STRING, "", "CLASS", "Routing implementation; empty = built-in router"),

            key("mi.listen", "--mi-listen", STRING, "127.0.0.1:8888", "IP:PORT", "Management interface address"),
            key("mi.token", "--mi-token", OPTIONAL_STRING, null, "TOKEN", "Bearer token required by the MI"),
            key("mi.max_body_bytes", "--mi-max-body-bytes", INT, 1048576, "BYTES", "Largest MI request body"),

            key("dialog.timeout_s", "--dialog-timeout-s", INT, 43200, "S", "Lifetime of a dialog"),
            key("dialog.bye_on_timeout", "--dialog-bye-on-timeout", BOOL, true, "BOOL",
                    "Send BYE to both legs of a call whose lifetime ends"),
            key("dialog.refresh_on_traffic", "--dialog-refresh-on-traffic", BOOL, false, "BOOL",
                    "Restart a dialog's lifetime on each in-dialog request"),
            key("dialog.linger_ms", "--dialog-linger-ms", INT, 32000, "MS", "Keep ended dialogs this long for late requests"),
            key("dialog.invite_wait_ms", "--dialog-invite-wait-ms", INT, 10000, "MS",
                    "How long our requests wait for an INVITE in progress"),
            key("dialog.retries_491", "--dialog-retries-491", INT, 3, "N", "Retries of our re-INVITE after 491"),
            key("dialog.store.type", "--store-type", STRING, "sqlite", "TYPE", "sqlite or none"),
            key("dialog.store.path", "--store-path", STRING, "callops-data/dialogs.db", "FILE", "SQLite file for dialogs"),
            key("dialog.store.flush_delay_ms", "--store-flush-delay-ms", INT, 1000, "MS", "Batch dialog writes this long"),

            key("events.queue_size", "--events-queue-size", INT, 10000, "N",
                    "Events that may wait per subscriber; more are dropped for it"),
            key("events.delivery_threads", "--events-delivery-threads", INT, 2, "N", "Threads that deliver events"),
            key("events.http_retries", "--events-http-retries", INT, 3, "N", "Retries of a failed HTTP event POST"),
            key("events.http_timeout_ms", "--events-http-timeout-ms", INT, 2000, "MS", "Timeout of one HTTP event POST"),

            key("callops.mode", "--callops-mode", STRING, "param", "MODE", "param (0), manual (1) or callid (2)"),
            key("callops.match_param", "--callops-match-param", STRING, "osid", "NAME", "Request-URI parameter naming the dialog"),
            key("callops.end_transferred_dialog", "--end-transferred-dialog", BOOL, true, "BOOL",
                    "End the original dialog after a transfer"),
            key("callops.transfer_timeout_s", "--transfer-timeout-s", INT, 120, "S", "Abandon transfers after this"),
            key("callops.secret", "--callops-secret", OPTIONAL_STRING, null, "TEXT",
                    "Key of the linking tokens; empty = generated and kept with the store"),
            key("callops.referred_by", "--referred-by", STRING, "off", "off|impersonated|URI",
                    "Referred-By on our REFERs"),
            key("callops.refer_sub", "--refer-sub", BOOL, true, "BOOL", "false adds Refer-Sub: false to our REFERs"));

    private static final Map<String, ConfigKey> BY_PATH = new LinkedHashMap<>();

    static {
        for (ConfigKey k : ALL) {
            BY_PATH.put(k.path(), k);
        }
    }

    private static ConfigKey key(String path, String option, ConfigKey.Kind kind, Object def, String label, String desc) {
        return new ConfigKey(path, option, kind, def, label, desc);
    }

    public static Optional<ConfigKey> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** True for section paths such as {@code sip} or {@code dialog.store} ("" is the top level). */
    static boolean isSection(String path) {
        if (path.isEmpty()) {
            return true;
        }
        for (ConfigKey k : ALL) {
            if (k.path().startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    /** The names that may appear directly under a section, in catalogue order. */
    static Set<String> childrenOf(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        Set<String> out = new LinkedHashSet<>();
        for (ConfigKey k : ALL) {
            if (k.path().startsWith(prefix)) {
                String rest = k.path().substring(prefix.length());
                int dot = rest.indexOf('.');
                out.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return out;
    }
}
