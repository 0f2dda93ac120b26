package io.callops.server;

import io.callops.transport.NettySipTransport;
import io.netty.util.ResourceLeakDetector;

/**
 * Netty settings of a production run, applied by {@link Main} before Netty's buffer classes
 * load. Each applies only when the JVM was not started with the property already set, so
 * {@code -D...} through {@code CALLOPS_JVM_OPTS} still decides.
 */
final class NettyTuning {
    static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";
    static final String MAX_CACHED_BUFFER_PROPERTY = "io.netty.allocator.maxCachedBufferCapacity";

    private NettyTuning() {}

    static void apply() {
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            // The default samples one buffer in 128 and records a stack trace for it; the
            // proxy's buffers are released in one place, so a production run skips the cost
            // unless asked for (-Dio.netty.leakDetection.level=simple).
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        if (System.getProperty(MAX_CACHED_BUFFER_PROPERTY) == null) {
            // The pool's per-thread cache keeps buffers up to 32 KiB by default, so each UDP
            // read's 64 KiB buffer came from the shared arena (a lock and a search of its
            // pages) and went back to it: about 5 % of the I/O threads' time. One cached
            // buffer per thread is enough, since each read's buffer is freed before the next.
            System.setProperty(MAX_CACHED_BUFFER_PROPERTY, Integer.toString(NettySipTransport.UDP_READ_BUFFER));
        }
    }
}
