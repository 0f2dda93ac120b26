package io.callops.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Writes each event as one JSON object on one line: time, level, logger, thread, message, then
 * {@code call_id} and {@code dialog_id} read from the message and the MDC entries as top-level
 * fields so log tools can filter on them directly. Logback's own JsonEncoder nests the MDC and adds context fields we do not want in
 * every line, hence this small encoder.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "exception");
    private static final byte[] EMPTY = new byte[0];

    @Override
    public byte[] headerBytes() {
        return EMPTY;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            for (Map.Entry<String, String> e : MessageFields.of(event.getFormattedMessage()).entrySet()) {
                if (mdc == null || !mdc.containsKey(e.getKey())) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
            }
            if (mdc != null) {
                for (Map.Entry<String, String> e : mdc.entrySet()) {
                    // An MDC key must not overwrite the fixed fields; prefix it instead of losing either.
                    String name = RESERVED.contains(e.getKey()) ? "mdc_" + e.getKey() : e.getKey();
                    g.writeStringField(name, e.getValue());
                }
            }
            IThrowableProxy t = event.getThrowableProxy();
            if (t != null) {
                g.writeStringField("exception", ThrowableProxyUtil.asString(t));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return EMPTY;
    }
}
