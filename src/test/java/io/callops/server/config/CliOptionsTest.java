package io.callops.server.config;

import io.callops.ops.LinkMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliOptionsTest {
    @TempDir
    Path dir;

    private static ServerConfig run(String... args) {
        ParsedCommandLine p = CliOptions.parse(args);
        assertThat(p).as("outcome of %s: %s", List.of(args), p).isInstanceOf(ParsedCommandLine.Run.class);
        return ((ParsedCommandLine.Run) p).config();
    }

    private static ParsedCommandLine.Exit exit(String... args) {
        ParsedCommandLine p = CliOptions.parse(args);
        assertThat(p).as("outcome of %s", List.of(args)).isInstanceOf(ParsedCommandLine.Exit.class);
        return (ParsedCommandLine.Exit) p;
    }

    @Test
    void noArgumentsRunsWithDefaults() {
        assertThat(run()).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void cliOverridesYaml() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "sip: { t1_ms: 250, t2_ms: 8000 }\nlisten: [\"udp:127.0.0.1:5070\"]\nlog: { sip_trace: true }\n"
                + "routes: { a: \"sip:10.0.0.1\" }\n");
        ServerConfig c = run("--config", f.toString(), "--t1-ms", "100", "--listen", "tcp:127.0.0.1:6000",
                "--listen=udp:127.0.0.1:6000", "--sip-trace=false", "--record-route=false", "--end-transferred-dialog",
                "--route", "service=sip:127.0.0.1:25080", "--route", "example.org=sip:10.0.0.1:5060;transport=tcp",
                "--callops-mode", "1", "--mi-token", "tok", "--store-type", "none", "--log-format", "json",
                "--domain", "example.org", "--router-class", "com.example.MyRouter", "--registrar-max-expires", "7200");
        assertThat(c.sip().t1Ms()).isEqualTo(100);
        assertThat(c.sip().t2Ms()).isEqualTo(8000);
        assertThat(c.sip().recordRoute()).isFalse();
        assertThat(c.log().sipTrace()).isFalse();
        assertThat(c.log().format()).isEqualTo(LogFormat.JSON);
        assertThat(c.listen()).extracting(Object::toString).containsExactly("tcp:127.0.0.1:6000", "udp:127.0.0.1:6000");
        assertThat(c.routes()).containsExactly(Map.entry("service", "sip:127.0.0.1:25080"),
                Map.entry("example.org", "sip:10.0.0.1:5060;transport=tcp"));
        assertThat(c.callops().mode()).isEqualTo(LinkMode.MANUAL);
        assertThat(c.callops().endTransferredDialog()).isTrue();
        assertThat(c.mi().token()).isEqualTo("tok");
        assertThat(c.dialog().store().type()).isEqualTo(StoreType.NONE);
        assertThat(c.domains()).containsExactly("example.org");
        assertThat(c.router().className()).isEqualTo("com.example.MyRouter");
        assertThat(c.registrar().maxExpires()).isEqualTo(7200);
    }

    @Test
    void flagAloneMeansTrue() {
        assertThat(run("--sip-trace").log().sipTrace()).isTrue();
    }

    @Test
    void everyConfigKeyHasItsOwnOption() {
        assertThat(ConfigKeys.ALL).extracting(ConfigKey::option).doesNotHaveDuplicates().allMatch(o -> o.startsWith("--"));
        assertThat(ConfigKeys.ALL).extracting(ConfigKey::path).doesNotHaveDuplicates();
        var spec = CliOptions.commandLine().getCommandSpec();
        for (ConfigKey k : ConfigKeys.ALL) {
            assertThat(spec.findOption(k.option())).as(k.option()).isNotNull();
        }
    }

    @Test
    void unknownOptionIsNamedWithExitCode2() {
        ParsedCommandLine.Exit e = exit("--t1", "5");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.isError()).isTrue();
        assertThat(e.text()).contains("Unknown options: '--t1'").contains("--t1-ms");
        assertThat(exit("stray").text()).contains("'stray'");
    }

    @Test
    void badOptionValueIsAnError() {
        ParsedCommandLine.Exit e = exit("--t1-ms", "abc");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.text()).contains("--t1-ms").contains("abc");
        assertThat(exit("--t1-ms").text()).contains("--t1-ms");
    }

    @Test
    void validationErrorsFromOptionsExitWith2() {
        ParsedCommandLine.Exit e = exit("--t1-ms", "-5");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.text()).isEqualTo("callops: config key sip.t1_ms: must be > 0 (got -5)" + System.lineSeparator());
        assertThat(exit("--callops-mode", "7").text()).contains("config key callops.mode");
        assertThat(exit("--config", dir.resolve("none.yaml").toString()).text())
                .contains("config file not found: " + dir.resolve("none.yaml"));
    }

    @Test
    void routeOptionParsing() {
        assertThat(run("--route", "sip=sip:a.example;lr=on").routes()).containsExactly(Map.entry("sip", "sip:a.example;lr=on"));
        assertThat(exit("--route", "service").text())
                .contains("option --route: expected PREFIX=sip:host:port (got 'service')");
        assertThat(exit("--route", "=sip:a").text()).contains("option --route: expected PREFIX=sip:host:port (got '=sip:a')");
        assertThat(exit("--route", "a=").text()).contains("(got 'a=')");
        assertThat(exit("--route", "a=sip:x", "--route", "a=sip:y").text()).contains("option --route: 'a' is given twice");
        assertThat(exit("--route", "a=tel:+123").text())
                .contains("config key routes.a: next hop must start with sip: or sips: (got 'tel:+123')");
        assertThat(exit("--route", "a=sip:").text()).contains("config key routes.a: next hop has no host");
    }

    @Test
    void helpAndVersion() {
        ParsedCommandLine.Exit help = exit("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.text()).contains("Usage: callops").contains("--config").contains("--print-config")
                .contains("--t1-ms").contains("[sip.t1_ms,");
        ParsedCommandLine.Exit version = exit("-V");
        assertThat(version.exitCode()).isZero();
        assertThat(version.text()).startsWith("callops ");
    }

    @Test
    void printConfigRoundTrips() throws IOException {
        ParsedCommandLine.Exit e = exit("--print-config", "--t1-ms", "200", "--route", "svc=sip:127.0.0.1:25080;transport=tcp",
                "--callops-mode", "2", "--mi-token", "abc", "--domain", "example.org", "--listen", "tcp:[::1]:5060",
                "--server-header", "", "--log-level", "WARN");
        assertThat(e.exitCode()).isZero();
        Path printed = dir.resolve("printed.yaml");
        Files.writeString(printed, e.text());
        ServerConfig expected = run("--t1-ms", "200", "--route", "svc=sip:127.0.0.1:25080;transport=tcp",
                "--callops-mode", "2", "--mi-token", "abc", "--domain", "example.org", "--listen", "tcp:[::1]:5060",
                "--server-header", "", "--log-level", "WARN");
        assertThat(run("--config", printed.toString())).isEqualTo(expected);
        assertThat(e.text()).contains("t1_ms: 200").contains("mode: callid");
    }

    @Test
    void printedDefaultsRoundTrip() {
        String yaml = ConfigWriter.toYaml(ServerConfig.defaults());
        assertThat(ConfigLoader.fromYaml(yaml, "printed", Map.of())).isEqualTo(ServerConfig.defaults());
    }
}
