package io.callops.server;

import io.callops.transport.NettySipTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * Run in a JVM of its own by {@link NettyTuningTest}: applies the tuning as {@code Main} does,
 * then takes and frees a UDP read buffer three times on a Netty thread, as an I/O thread does,
 * and prints how many of those the shared arena served (the rest came from the thread's cache).
 */
public final class NettyTuningProbe {
    private NettyTuningProbe() {}

    public static void main(String[] args) throws Exception {
        NettyTuning.apply();
        long[] arena = new long[1];
        Thread t = new FastThreadLocalThread(() -> {
            PooledByteBufAllocator pool = PooledByteBufAllocator.DEFAULT;
            long before = normalAllocations(pool);
            for (int i = 0; i < 3; i++) {
                ByteBuf b = pool.directBuffer(NettySipTransport.UDP_READ_BUFFER);
                b.release();
            }
            arena[0] = normalAllocations(pool) - before;
        });
        t.start();
        t.join();
        System.out.println("arena allocations: " + arena[0]);
    }

    private static long normalAllocations(PooledByteBufAllocator pool) {
        return pool.metric().directArenas().stream().mapToLong(a -> a.numNormalAllocations()).sum();
    }
}
