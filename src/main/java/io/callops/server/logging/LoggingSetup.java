package io.callops.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.callops.server.config.LogConfig;
import io.callops.server.config.LogFormat;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LogConfig} to Logback in code, replacing whatever logback.xml set up. Doing it
 * in code means the config file and CLI are the only places an operator has to look.
 */
public final class LoggingSetup {
    private LoggingSetup() {}

    /** Loggers of the proxy itself; the configured level applies here. */
    public static final String APP_LOGGER = "io.callops";
    /** Full SIP messages are logged here (any level; TRACE is enabled); OFF unless log.sip_trace is true. */
    public static final String SIP_TRACE_LOGGER = "io.callops.sip.trace";
    /**
     * One line per event: a stack trace is folded onto the same line so that line-based tools
     * (grep, journald, log shippers) never split an event. Keep in sync with logback.xml.
     */
    public static final String TEXT_PATTERN =
            "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} %msg%replace( %mdc){'^ $', ''}"
                    + "%replace(%replace( %ex){'[\\r\\n\\t]+', ' | '}){'^ $| [|] $', ''}%nopex%n";

    static final String APPENDER_NAME = "console";

    public static void apply(LogConfig config) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName(APPENDER_NAME);
        console.setEncoder(encoder(ctx, config.format()));
        console.start();

        Level level = Level.toLevel(config.level().toUpperCase(Locale.ROOT), Level.INFO);
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        // Libraries (Netty, SQLite) only speak up for warnings, unless the operator asked for even less.
        root.setLevel(level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN);
        root.addAppender(console);
        ctx.getLogger(APP_LOGGER).setLevel(level);
        // Set explicitly so the trace logger does not inherit io.callops's level: traces are
        // all-or-nothing and chosen by sip_trace alone.
        ctx.getLogger(SIP_TRACE_LOGGER).setLevel(config.sipTrace() ? Level.TRACE : Level.OFF);
    }

    /**
     * Lowers the proxy's own logging to warnings and turns SIP traces off until the returned
     * handle is closed, for work that is not about any real call (the warm-up).
     */
    public static Restore quietened() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return () -> { };
        }
        Logger app = ctx.getLogger(APP_LOGGER);
        Logger trace = ctx.getLogger(SIP_TRACE_LOGGER);
        Level appLevel = app.getLevel();
        Level traceLevel = trace.getLevel();
        if (app.isEnabledFor(Level.INFO)) {
            app.setLevel(Level.WARN);
        }
        trace.setLevel(Level.OFF);
        return () -> {
            app.setLevel(appLevel);
            trace.setLevel(traceLevel);
        };
    }

    /** Puts back what {@link #quietened()} changed. */
    @FunctionalInterface
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, LogFormat format) {
        if (format == LogFormat.JSON) {
            JsonLineEncoder json = new JsonLineEncoder();
            json.setContext(ctx);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(ctx);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }
}
