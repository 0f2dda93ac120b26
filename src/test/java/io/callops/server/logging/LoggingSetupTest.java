package io.callops.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.server.config.LogConfig;
import io.callops.server.config.LogFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    private final LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restore() {
        LoggingSetup.apply(new LogConfig("info", LogFormat.TEXT, false));
    }

    private LoggingEvent event(String msg, Throwable t) {
        Logger logger = ctx.getLogger("io.callops.proxy.Test");
        LoggingEvent e = new LoggingEvent("fqcn", logger, Level.INFO, msg, t, null);
        e.setMDCPropertyMap(Map.of("call_id", "abc@host", "level", "x"));
        return e;
    }

    @Test
    void levelsAndSipTrace() {
        LoggingSetup.apply(new LogConfig("debug", LogFormat.TEXT, false));
        assertThat(ctx.getLogger("io.callops").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(ctx.getLogger("io.netty").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(ctx.getLogger(LoggingSetup.SIP_TRACE_LOGGER).getEffectiveLevel()).isEqualTo(Level.OFF);

        LoggingSetup.apply(new LogConfig("error", LogFormat.JSON, true));
        assertThat(ctx.getLogger("io.callops.proxy").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(ctx.getLogger("io.netty").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(LoggerFactory.getLogger(LoggingSetup.SIP_TRACE_LOGGER).isTraceEnabled()).isTrue();
        ConsoleAppender<?> console = (ConsoleAppender<?>) ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
        assertThat(console.getEncoder()).isInstanceOf(JsonLineEncoder.class);
    }

    @Test
    void jsonLineHasTheFieldsAndMdcOnOneLine() throws Exception {
        JsonLineEncoder enc = new JsonLineEncoder();
        enc.setContext(ctx);
        enc.start();
        String line = new String(enc.encode(event("hello \"world\"\nsecond", new IllegalStateException("boom"))),
                StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode n = new ObjectMapper().readTree(line);
        assertThat(n.get("level").asText()).isEqualTo("INFO");
        assertThat(n.get("logger").asText()).isEqualTo("io.callops.proxy.Test");
        assertThat(n.get("thread").asText()).isNotEmpty();
        assertThat(n.get("time").asText()).endsWith("Z");
        assertThat(n.get("message").asText()).isEqualTo("hello \"world\"\nsecond");
        assertThat(n.get("call_id").asText()).isEqualTo("abc@host");
        assertThat(n.get("mdc_level").asText()).isEqualTo("x");
        assertThat(n.get("exception").asText()).contains("IllegalStateException: boom");
    }

    @Test
    void jsonLineLiftsCallAndDialogIdsOutOfTheMessage() throws Exception {
        JsonLineEncoder enc = new JsonLineEncoder();
        enc.setContext(ctx);
        enc.start();
        ch.qos.logback.classic.spi.LoggingEvent e = new ch.qos.logback.classic.spi.LoggingEvent(
                getClass().getName(), ctx.getLogger("io.callops.dialog.Test"), ch.qos.logback.classic.Level.INFO,
                "BYE to the caller of dialog_id={} call_id={} ended {}", null,
                new Object[] {"1234", "xyz@10.0.0.1", "408 Request Timeout"});
        JsonNode n = new ObjectMapper().readTree(enc.encode(e));
        assertThat(n.get("dialog_id").asText()).isEqualTo("1234");
        assertThat(n.get("call_id").asText()).isEqualTo("xyz@10.0.0.1");
        JsonNode none = new ObjectMapper().readTree(enc.encode(new ch.qos.logback.classic.spi.LoggingEvent(
                getClass().getName(), ctx.getLogger("x"), ch.qos.logback.classic.Level.INFO, "recall_id=5 x", null,
                new Object[0])));
        assertThat(none.has("call_id")).isFalse();
    }

    @Test
    void textLineFoldsStackTraces() {
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern(LoggingSetup.TEXT_PATTERN);
        enc.start();
        String line = new String(enc.encode(event("hello", new IllegalStateException("boom"))), StandardCharsets.UTF_8);
        assertThat(line).contains("INFO  [").contains("hello").contains("call_id=abc@host")
                .contains("IllegalStateException: boom").contains(" | ").doesNotEndWith(" | " + System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");

        LoggingEvent plain = new LoggingEvent("fqcn", ctx.getLogger("io.callops.x"), Level.INFO, "plain", null, null);
        plain.setMDCPropertyMap(Map.of());
        assertThat(new String(enc.encode(plain), StandardCharsets.UTF_8)).endsWith(" plain" + System.lineSeparator());
    }

    @Test
    void shippedLogbackXmlUsesTheSamePattern() throws Exception {
        String xml = Files.readString(Path.of("src/main/resources/logback.xml"));
        assertThat(xml).contains("<pattern>" + LoggingSetup.TEXT_PATTERN.replace("\\r", "\\r") + "</pattern>")
                .contains("name=\"" + LoggingSetup.SIP_TRACE_LOGGER + "\" level=\"OFF\"");
    }
}
