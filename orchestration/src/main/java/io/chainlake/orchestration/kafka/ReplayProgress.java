package io.chainlake.orchestration.kafka;

import java.util.Locale;
import java.util.function.Consumer;

/** Throttled progress lines of a replay on stderr: blocks/s, mempool transactions, share done and time left. */
final class ReplayProgress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final long totalBlocks;
    private final Consumer<String> out;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    ReplayProgress(long totalBlocks, Consumer<String> out) {
        this.totalBlocks = Math.max(1, totalBlocks);
        this.out = out;
    }

    void update(long blocks, long mempoolTransactions) {
        long now = System.nanoTime();
        if (now - lastPrint >= INTERVAL_NANOS) {
            lastPrint = now;
            out.accept(line(blocks, mempoolTransactions, now));
        }
    }

    private String line(long blocks, long mempoolTransactions, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double done = Math.min(1.0, (double) blocks / totalBlocks);
        double rate = blocks / seconds;
        String eta = rate > 0 ? String.format(Locale.ROOT, "%.0f s", (totalBlocks - blocks) / rate) : "unknown";
        return String.format(Locale.ROOT,
                "replay: %,d of %,d blocks, %.1f blocks/s, %,d mempool tx, %.0f%% done, ETA %s",
                blocks, totalBlocks, rate, mempoolTransactions, done * 100, eta);
    }
}
