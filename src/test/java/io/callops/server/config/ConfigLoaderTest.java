package io.callops.server.config;

import io.callops.ops.LinkMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callops.transport.TransportType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static ServerConfig yaml(String text) {
        return ConfigLoader.fromYaml(text, "test.yaml", Map.of());
    }

    @Test
    void defaults() {
        ServerConfig c = ServerConfig.defaults();
        assertThat(c.listen()).extracting(Object::toString).containsExactly("udp:127.0.0.1:5060", "tcp:127.0.0.1:5060");
        assertThat(c.listen().get(0).transport()).isEqualTo(TransportType.UDP);
        assertThat(c.domains()).isEmpty();
        assertThat(c.localDomains()).containsExactly("127.0.0.1");
        assertThat(c.routes()).isEmpty();
        assertThat(c.routesFile()).isNull();
        assertThat(c.log()).isEqualTo(new LogConfig("info", LogFormat.TEXT, false));
        assertThat(c.sip()).isEqualTo(new SipConfig(500, 4000, 5000, 180000, 120, 5000, 10000, 4194304, 4194304, 0,
                65535, true, 70, "callops", 10000, 0));
        assertThat(c.sip().effectiveWorkers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.registrar()).isEqualTo(new RegistrarConfig(60, 3600, 3600, 10));
        assertThat(c.router().className()).isEmpty();
        assertThat(c.router().isDefault()).isTrue();
        assertThat(c.mi().listen()).isEqualTo("127.0.0.1:8888");
        assertThat(c.mi().listenAddress().getPort()).isEqualTo(8888);
        assertThat(c.mi().token()).isNull();
        assertThat(c.mi().maxBodyBytes()).isEqualTo(1048576);
        assertThat(c.dialog()).isEqualTo(new DialogConfig(43200, true, false, 32000, 10000, 3,
                new StoreConfig(StoreType.SQLITE, Path.of("callops-data/dialogs.db"), 1000)));
        assertThat(c.events()).isEqualTo(new EventsConfig(10000, 2, 3, 2000));
        assertThat(c.callops()).isEqualTo(new CallopsConfig(LinkMode.PARAM, "osid", true, 120, null, "off", true));
    }

    @Test
    void emptyFileMeansDefaults() {
        assertThat(yaml("")).isEqualTo(ServerConfig.defaults());
        assertThat(yaml("# only a comment\n")).isEqualTo(ServerConfig.defaults());
        assertThat(yaml("sip:\n")).isEqualTo(ServerConfig.defaults());
        assertThat(yaml("domains:\nroutes:\nrouter:\n")).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void fileOverridesDefaultsKeyByKey() throws IOException {
        Path f = dir.resolve("callops.yaml");
        Files.writeString(f, String.join("\n",
                "listen: [\"udp:0.0.0.0:5080\", \"tcp:[::1]:5081\"]",
                "domains: [example.org]",
                "routes:",
                "  service: sip:127.0.0.1:25080",
                "  example.net: \"sip:10.0.0.1:5060;transport=tcp\"",
                "log: { level: DEBUG, format: json }",
                "sip:",
                "  t1_ms: 250",
                "  record_route: false",
                "mi: { token: s3cret }",
                "dialog: { store: { type: none } }",
                "callops: { mode: 2 }",
                ""));
        ServerConfig c = ConfigLoader.load(f, Map.of());
        assertThat(c.listen()).hasSize(2);
        assertThat(c.listen().get(0).toString()).isEqualTo("udp:0.0.0.0:5080");
        assertThat(c.listen().get(1).transport()).isEqualTo(TransportType.TCP);
        assertThat(c.listen().get(1).address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(c.listen().get(1).port()).isEqualTo(5081);
        assertThat(c.domains()).containsExactly("example.org");
        assertThat(c.localDomains()).containsExactly("example.org");
        assertThat(c.routes()).containsExactly(Map.entry("service", "sip:127.0.0.1:25080"),
                Map.entry("example.net", "sip:10.0.0.1:5060;transport=tcp"));
        assertThat(c.log()).isEqualTo(new LogConfig("debug", LogFormat.JSON, false));
        assertThat(c.sip().t1Ms()).isEqualTo(250);
        assertThat(c.sip().t2Ms()).isEqualTo(4000); // untouched keys keep their default
        assertThat(c.sip().recordRoute()).isFalse();
        assertThat(c.mi().token()).isEqualTo("s3cret");
        assertThat(c.mi().listen()).isEqualTo("127.0.0.1:8888");
        assertThat(c.dialog().store().type()).isEqualTo(StoreType.NONE);
        assertThat(c.dialog().store().flushDelayMs()).isEqualTo(1000);
        assertThat(c.callops().mode()).isEqualTo(LinkMode.CALLID);
    }

    @Test
    void overridesWinOverFile() {
        ServerConfig c = ConfigLoader.fromYaml("sip: { t1_ms: 250, t2_ms: 8000 }\nlisten: [\"udp:127.0.0.1:5070\"]\n",
                "test.yaml", Map.of("sip.t1_ms", 100, "listen", List.of("tcp:127.0.0.1:6000")));
        assertThat(c.sip().t1Ms()).isEqualTo(100);
        assertThat(c.sip().t2Ms()).isEqualTo(8000);
        assertThat(c.listen()).extracting(Object::toString).containsExactly("tcp:127.0.0.1:6000");
    }

    @Test
    void unknownTopLevelKeyIsNamed() {
        assertThatThrownBy(() -> yaml("listn: []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown config key 'listn' in test.yaml (known keys: listen, domains, routes,");
    }

    @Test
    void unknownNestedKeyIsNamedWithItsSiblings() {
        assertThatThrownBy(() -> yaml("sip:\n  t1: 500\n"))
                .hasMessageStartingWith("unknown config key 'sip.t1' in test.yaml (known keys: t1_ms, t2_ms, t4_ms,");
        assertThatThrownBy(() -> yaml("dialog: { store: { kind: none } }\n"))
                .hasMessage("unknown config key 'dialog.store.kind' in test.yaml (known keys: type, path, flush_delay_ms)");
    }

    @Test
    void wrongTypesNameTheKey() {
        assertThatThrownBy(() -> yaml("sip: { t1_ms: abc }\n"))
                .hasMessage("config key sip.t1_ms in test.yaml: expected an integer (got 'abc')");
        assertThatThrownBy(() -> yaml("sip: { t1_ms: 1.5 }\n"))
                .hasMessageContaining("config key sip.t1_ms in test.yaml: expected an integer");
        assertThatThrownBy(() -> yaml("sip: { record_route: maybe }\n"))
                .hasMessage("config key sip.record_route in test.yaml: expected true or false (got 'maybe')");
        assertThatThrownBy(() -> yaml("listen: udp:127.0.0.1:5060\n"))
                .hasMessage("config key listen in test.yaml: expected a list of strings (got 'udp:127.0.0.1:5060')");
        assertThatThrownBy(() -> yaml("routes: [a, b]\n"))
                .hasMessage("config key routes in test.yaml: expected a map of strings (got a list)");
        assertThatThrownBy(() -> yaml("sip: 5\n"))
                .hasMessageStartingWith("config key sip in test.yaml: expected a section with keys t1_ms, t2_ms");
        assertThatThrownBy(() -> yaml("log: { level: [a] }\n"))
                .hasMessage("config key log.level in test.yaml: expected a string (got a list)");
        assertThatThrownBy(() -> yaml("- a\n- b\n"))
                .hasMessageContaining("must be a mapping");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> yaml("sip:\n  t1_ms: 1\n  t1_ms: 2\n"))
                .hasMessageContaining("test.yaml is not valid YAML").hasMessageContaining("t1_ms");
    }

    @Test
    void badYamlNamesTheFile() {
        assertThatThrownBy(() -> yaml("sip: [\n"))
                .hasMessageStartingWith("config file test.yaml is not valid YAML (line");
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file not found: " + f);
    }

    @Test
    void unreadableFileIsNamed() throws IOException {
        Path d = Files.createDirectory(dir.resolve("a-directory.yaml"));
        assertThatThrownBy(() -> ConfigLoader.load(d, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read config file " + d);
    }

    @Test
    void routesFileIsCheckedAtLoad() throws IOException {
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, "a: sip:10.0.0.1\nb: \"sip:10.0.0.2:5070;transport=tcp\"\n");
        ServerConfig c = ConfigLoader.fromYaml("routes_file: " + routes + "\nroutes: { a: \"sip:10.0.0.9\", z: \"sip:z.example\" }\n",
                "test.yaml", Map.of());
        assertThat(c.routesFile()).isEqualTo(routes);
        Map<String, String> fromFile = RoutesFile.load(routes);
        assertThat(fromFile).containsExactly(Map.entry("a", "sip:10.0.0.1"), Map.entry("b", "sip:10.0.0.2:5070;transport=tcp"));
        assertThat(RoutesFile.combine(c.routes(), fromFile)).containsExactly(Map.entry("a", "sip:10.0.0.1"),
                Map.entry("z", "sip:z.example"), Map.entry("b", "sip:10.0.0.2:5070;transport=tcp"));

        Files.writeString(routes, "a: http://x\n");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("routes_file: " + routes + "\n", "test.yaml", Map.of()))
                .hasMessage("config key routes.a: next hop must start with sip: or sips: (got 'http://x') in routes file " + routes);
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("routes_file: " + missing + "\n", "test.yaml", Map.of()))
                .hasMessage("routes file not found: " + missing);
    }

    @Test
    void exampleFileLoads() {
        ServerConfig c = ConfigLoader.load(Path.of("config/callops.example.yaml"), Map.of());
        assertThat(c.domains()).containsExactly("example.org", "127.0.0.1");
        assertThat(c.routes()).containsEntry("service", "sip:127.0.0.1:25080");
        // Apart from the lines marked "not a default", the example shows the defaults.
        ServerConfig withoutExtras = new ServerConfig(c.listen(), List.of(), Map.of(), c.routesFile(), c.log(), c.sip(),
                c.registrar(), c.router(), c.mi(), c.dialog(), c.events(), c.callops());
        assertThat(withoutExtras).isEqualTo(ServerConfig.defaults());
    }
}
