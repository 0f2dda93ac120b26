package io.callops.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md and the example file in step with the key catalogue. */
class DocsTest {
    @Test
    void everyKeyAndOptionIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        for (ConfigKey k : ConfigKeys.ALL) {
            assertThat(doc).as(k.path()).contains("| `" + k.path() + "` |").contains("`" + k.option());
        }
    }

    @Test
    void exampleFileShowsEveryKey() throws Exception {
        String example = Files.readString(Path.of("config/callops.example.yaml"));
        for (ConfigKey k : ConfigKeys.ALL) {
            assertThat(example).as(k.path()).containsPattern("(?m)^\\s*" + java.util.regex.Pattern.quote(k.name()) + ":");
        }
    }
}
