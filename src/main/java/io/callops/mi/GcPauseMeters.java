package io.callops.mi;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@code jvm_gc_pause_seconds_count} and {@code _sum} per collector, read from the collector
 * beans when scraped. Micrometer's own GC binder listens to a notification per collection,
 * and the JVM builds a detailed report for each: with the short young collections of the G1
 * settings (about 27 a second at 1,000 calls/s) that cost about 2 % of the process's CPU. The
 * count and total stay exact; the largest pause of the last minute is left to the GC log.
 */
final class GcPauseMeters implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            // The beans live as long as the JVM, so Micrometer's weak reference to them holds.
            FunctionTimer.builder("jvm.gc.pause", bean, GarbageCollectorMXBean::getCollectionCount,
                            GarbageCollectorMXBean::getCollectionTime, TimeUnit.MILLISECONDS)
                    .description("Time spent in collections, by collector (concurrent collectors count their cycles)")
                    .tag("gc", bean.getName())
                    .register(registry);
        }
    }
}
