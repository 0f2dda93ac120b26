package io.callops.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events keys from the file and from their options, and the start stopping on a bad value. */
class EventsConfigTest {
    @Test
    void optionsSetEveryEventsKey() {
        ParsedCommandLine p = CliOptions.parse(new String[] {"--events-queue-size", "50", "--events-delivery-threads", "3",
                "--events-http-retries", "0", "--events-http-timeout-ms", "700"});
        assertThat(p).isInstanceOf(ParsedCommandLine.Run.class);
        assertThat(((ParsedCommandLine.Run) p).config().events()).isEqualTo(new EventsConfig(50, 3, 0, 700));
    }

    @Test
    void yamlSetsThemAndPrintConfigWritesThemBack() {
        ServerConfig c = ConfigLoader.fromYaml("events:\n  queue_size: 7\n  http_retries: 5\n", "test.yaml", Map.of());
        assertThat(c.events()).isEqualTo(new EventsConfig(7, 2, 5, 2000));
        assertThat(ConfigLoader.fromYaml(ConfigWriter.toYaml(c), "printed", Map.of())).isEqualTo(c);
    }

    @Test
    void aBadValueStopsTheStartNamingTheKey() {
        ParsedCommandLine p = CliOptions.parse(new String[] {"--events-delivery-threads", "0"});
        assertThat(p).isInstanceOf(ParsedCommandLine.Exit.class);
        ParsedCommandLine.Exit exit = (ParsedCommandLine.Exit) p;
        assertThat(exit.exitCode()).isEqualTo(2);
        assertThat(exit.text()).contains("config key events.delivery_threads: must be between 1 and 64 (got 0)");
        assertThat(((ParsedCommandLine.Exit) CliOptions.parse(new String[] {"--events-queue-size", "many"})).text())
                .contains("--events-queue-size");
        ServerConfig fromFile = null;
        try {
            fromFile = ConfigLoader.fromYaml("events:\n  http_timeout_ms: -1\n", "bad.yaml", Map.of());
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isEqualTo("config key events.http_timeout_ms: must be between 1 and 600000 (got -1)");
        }
        assertThat(fromFile).isNull();
    }
}
