package io.chainlake.orchestration.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Samples heap use on a daemon thread and keeps the highest value seen: over its whole life and since the last
 * {@link #startWindow()}. Sampling misses what happens between two samples, so the peaks are a lower bound of the
 * true peaks; {@link #DEFAULT_INTERVAL} is short next to a young-generation GC cycle under load.
 */
public final class HeapSampler implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final LongSupplier usedBytes;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong windowPeak = new AtomicLong();
    private volatile Thread thread;

    /** A sampler that samples only when {@link #sample()} is called; {@link #start} adds the thread. */
    HeapSampler(LongSupplier usedBytes) {
        this.usedBytes = usedBytes;
    }

    /** Samples {@link MemoryMXBean#getHeapMemoryUsage()} every {@code interval} until closed. */
    public static HeapSampler start(Duration interval) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HeapSampler sampler = new HeapSampler(() -> memory.getHeapMemoryUsage().getUsed());
        sampler.startThread(interval);
        return sampler;
    }

    private void startThread(Duration interval) {
        long millis = Math.max(1, interval.toMillis());
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    sample();
                    Thread.sleep(millis);
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "heap-sampler");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Takes one sample now and returns it. */
    long sample() {
        long used = usedBytes.getAsLong();
        peak.accumulateAndGet(used, Math::max);
        windowPeak.accumulateAndGet(used, Math::max);
        return used;
    }

    /** Starts a new window: its peak begins at the heap use of this moment. */
    public void startWindow() {
        windowPeak.set(usedBytes.getAsLong());
        sample();
    }

    /** Highest heap use sampled since the last {@link #startWindow()}, this moment included. */
    public long windowPeakBytes() {
        sample();
        return windowPeak.get();
    }

    /** Highest heap use sampled since the sampler was made, this moment included. */
    public long peakBytes() {
        sample();
        return peak.get();
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
