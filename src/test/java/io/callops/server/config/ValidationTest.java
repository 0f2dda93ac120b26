package io.callops.server.config;

import io.callops.ops.LinkMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {

    private static ServerConfig with(String key, Object value) {
        return ConfigLoader.load(null, Map.of(key, value));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "sip.t1_ms                   | -5     | config key sip.t1_ms: must be > 0 (got -5)",
        "sip.t1_ms                   | 5000   | config key sip.t1_ms: must be <= sip.t2_ms (got 5000 > 4000)",
        "sip.t2_ms                   | 0      | config key sip.t2_ms: must be > 0 (got 0)",
        "sip.t4_ms                   | 0      | config key sip.t4_ms: must be > 0 (got 0)",
        "sip.timer_c_ms              | 0      | config key sip.timer_c_ms: must be > 0 (got 0)",
        "sip.tcp_idle_timeout_s      | 0      | config key sip.tcp_idle_timeout_s: must be > 0 (got 0)",
        "sip.tcp_connect_timeout_ms  | -1     | config key sip.tcp_connect_timeout_ms: must be > 0 (got -1)",
        "sip.max_tcp_connections     | 0      | config key sip.max_tcp_connections: must be > 0 (got 0)",
        "sip.udp_receive_buffer      | 0      | config key sip.udp_receive_buffer: must be > 0 (got 0)",
        "sip.udp_send_buffer         | 0      | config key sip.udp_send_buffer: must be > 0 (got 0)",
        "sip.workers                 | -1     | config key sip.workers: must be >= 0 (got -1)",
        "sip.max_message_size        | 100    | config key sip.max_message_size: must be between 1024 and 2147483647 (got 100)",
        "sip.max_forwards_default    | 256    | config key sip.max_forwards_default: must be between 1 and 255 (got 256)",
        "sip.udp_worker_ports        | -1     | config key sip.udp_worker_ports: must be between 0 and 65535 (got -1)",
        "sip.udp_worker_ports        | 65536  | config key sip.udp_worker_ports: must be between 0 and 65535 (got 65536)",
        "registrar.min_expires       | 0      | config key registrar.min_expires: must be > 0 (got 0)",
        "registrar.min_expires       | 4000   | config key registrar.min_expires: must be <= registrar.max_expires (got 4000 > 3600)",
        "registrar.default_expires   | 30     | config key registrar.default_expires: must be between registrar.min_expires and registrar.max_expires (got 30, range 60..3600)",
        "registrar.max_contacts_per_aor | 0   | config key registrar.max_contacts_per_aor: must be > 0 (got 0)",
        "mi.max_body_bytes           | 0      | config key mi.max_body_bytes: must be > 0 (got 0)",
        "dialog.timeout_s            | 0      | config key dialog.timeout_s: must be > 0 (got 0)",
        "dialog.store.flush_delay_ms | -1     | config key dialog.store.flush_delay_ms: must be >= 0 (got -1)",
        "callops.transfer_timeout_s  | 0      | config key callops.transfer_timeout_s: must be > 0 (got 0)",
        "events.queue_size           | 0      | config key events.queue_size: must be between 1 and 10000000 (got 0)",
        "events.delivery_threads     | 0      | config key events.delivery_threads: must be between 1 and 64 (got 0)",
        "events.delivery_threads     | 65     | config key events.delivery_threads: must be between 1 and 64 (got 65)",
        "events.http_retries         | -1     | config key events.http_retries: must be between 0 and 10 (got -1)",
        "events.http_timeout_ms      | 0      | config key events.http_timeout_ms: must be between 1 and 600000 (got 0)",
    })
    void numericRanges(String key, int value, String message) {
        assertThatThrownBy(() -> with(key, value)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "log.level           | loud        | config key log.level: must be one of trace, debug, info, warn, error, off (got 'loud')",
        "log.format          | xml         | config key log.format: must be text or json (got 'xml')",
        "dialog.store.type   | mysql       | config key dialog.store.type: must be sqlite or none (got 'mysql')",
        "callops.mode        | 3           | config key callops.mode: must be param (0), manual (1) or callid (2) (got '3')",
        "callops.match_param | 'a b'       | config key callops.match_param: must be a SIP token such as osid (got 'a b')",
        "callops.match_param | ''          | config key callops.match_param: must be a SIP token such as osid (got '')",
        "router.class        | 'com..Foo'  | config key router.class: is not a Java class name (got 'com..Foo')",
        "mi.listen           | 8888        | config key mi.listen: must look like IP:PORT or [IPv6]:PORT (got '8888')",
        "mi.listen           | mi.local:80 | config key mi.listen: host must be an IP address (got 'mi.local')",
        "mi.listen           | 127.0.0.1:x | config key mi.listen: port 'x' is not a number",
        "mi.listen           | 127.0.0.1:70000 | config key mi.listen port: must be between 0 and 65535 (got 70000)",
        "mi.token            | 'a b'       | config key mi.token: must be non-empty without spaces, or null for no token",
        "sip.server_header   | 'a\nb'      | config key sip.server_header: must not contain line breaks",
    })
    void textValues(String key, String value, String message) {
        assertThatThrownBy(() -> with(key, value.replace("\\n", "\n"))).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void workerPortsMustLeaveOnePortPerWorker() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("sip.workers", 4, "sip.udp_worker_ports", 65_533)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config key sip.udp_worker_ports: needs one port per worker: 65533 + 4 workers goes past 65535");
        assertThat(ConfigLoader.load(null, Map.of("sip.workers", 3, "sip.udp_worker_ports", 65_533)).sip().udpWorkerPorts())
                .isEqualTo(65_533);
    }

    @Test
    void listenEntries() {
        assertThatThrownBy(() -> with("listen", List.of()))
                .hasMessage("config key listen: must list at least one address");
        assertThatThrownBy(() -> with("listen", List.of("sctp:127.0.0.1:5060")))
                .hasMessageStartingWith("config key listen: unknown transport 'sctp'");
        assertThatThrownBy(() -> with("listen", List.of("udp:example.org:5060")))
                .hasMessage("config key listen: listen address udp:example.org:5060: host must be an IP address");
        assertThatThrownBy(() -> with("listen", List.of("udp:127.0.0.1:5060", "udp:127.0.0.1:5060")))
                .hasMessage("config key listen: udp:127.0.0.1:5060 is listed twice");
    }

    @Test
    void domains() {
        assertThatThrownBy(() -> with("domains", List.of("ok.example", " ")))
                .hasMessage("config key domains: entries must be non-empty names without spaces (got ' ')");
    }

    @Test
    void routeTargets() {
        assertThat(with("routes", Map.of("a", "sips:user@[2001:db8::1]:5061;transport=tcp")).routes()).hasSize(1);
        assertThat(with("routes", Map.of("a", "SIP:proxy.example")).routes()).hasSize(1);
        assertThatThrownBy(() -> with("routes", Map.of("a", "http://x")))
                .hasMessage("config key routes.a: next hop must start with sip: or sips: (got 'http://x')");
        assertThatThrownBy(() -> with("routes", Map.of("a", "sip:")))
                .hasMessage("config key routes.a: next hop has no host (got 'sip:')");
        assertThatThrownBy(() -> with("routes", Map.of("a", "sip:;transport=tcp")))
                .hasMessage("config key routes.a: next hop has no host (got 'sip:;transport=tcp')");
        assertThatThrownBy(() -> with("routes", Map.of("a", "sip:host:0")))
                .hasMessage("config key routes.a: port 0 in 'sip:host:0' is out of range 1..65535");
        assertThatThrownBy(() -> with("routes", Map.of("a", "sip:host:5o60")))
                .hasMessage("config key routes.a: port '5o60' in 'sip:host:5o60' is not a number");
        assertThatThrownBy(() -> with("routes", Map.of("", "sip:host")))
                .hasMessage("config key routes: route key must be a non-empty prefix or domain without spaces (got '')");
    }

    @Test
    void modeNamesAndNumbers() {
        assertThat(with("callops.mode", "param").callops().mode()).isEqualTo(LinkMode.PARAM);
        assertThat(with("callops.mode", "0").callops().mode()).isEqualTo(LinkMode.PARAM);
        assertThat(with("callops.mode", "MANUAL").callops().mode()).isEqualTo(LinkMode.MANUAL);
        assertThat(with("callops.mode", "1").callops().mode()).isEqualTo(LinkMode.MANUAL);
        assertThat(with("callops.mode", "callid").callops().mode()).isEqualTo(LinkMode.CALLID);
        assertThat(with("callops.mode", 2).callops().mode()).isEqualTo(LinkMode.CALLID);
        assertThat(ConfigLoader.fromYaml("callops: { mode: 1 }", "t", Map.of()).callops().mode()).isEqualTo(LinkMode.MANUAL);
        assertThat(LinkMode.CALLID.code()).isEqualTo(2);
    }
}
