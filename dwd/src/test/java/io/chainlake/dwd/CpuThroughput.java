package io.chainlake.dwd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * Items per CPU-second of the calling thread, for printed (never asserted) throughput figures. CPU time rather than
 * wall time, so that other builds on a shared 2-core machine do not distort the figure; GC threads are not counted.
 */
public final class CpuThroughput {

    private CpuThroughput() {
    }

    /**
     * Runs {@code round} (returning the items it processed) for {@code warmupMillis} of CPU time, then for
     * {@code measureMillis}, and returns items per CPU-second of the measured part.
     */
    public static double measure(LongSupplier round, long warmupMillis, long measureMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long start = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - start < warmupMillis * 1_000_000) {
            sink += round.getAsLong();
        }
        long items = 0;
        start = threads.getCurrentThreadCpuTime();
        long elapsed;
        do {
            items += round.getAsLong();
            elapsed = threads.getCurrentThreadCpuTime() - start;
        } while (elapsed < measureMillis * 1_000_000);
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the warm-up from being optimised away");
        }
        return items / (elapsed / 1e9);
    }
}
