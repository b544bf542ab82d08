package io.chainlake.ods.load;

import java.util.Locale;
import java.util.function.Consumer;

/** Throttled progress lines for long loads: blocks/s, transactions, share done and time left. */
final class LoadProgress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final String phase;
    private final long totalBytes;
    private final Consumer<String> out;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    LoadProgress(String phase, long totalBytes, Consumer<String> out) {
        this.phase = phase;
        this.totalBytes = Math.max(1, totalBytes);
        this.out = out;
    }

    void update(long blocks, long transactions, long bytesDone) {
        long now = System.nanoTime();
        if (now - lastPrint >= INTERVAL_NANOS) {
            lastPrint = now;
            out.accept(line(blocks, transactions, bytesDone, now));
        }
    }

    void finish(long blocks, long transactions) {
        out.accept(line(blocks, transactions, totalBytes, System.nanoTime()));
    }

    String line(long blocks, long transactions, long bytesDone, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double done = Math.min(1.0, (double) bytesDone / totalBytes);
        // nothing done yet (the first line of a slow start): no rate to extrapolate from
        String eta = done > 0 ? String.format(Locale.ROOT, "%.0f s", seconds / done - seconds) : "unknown";
        return String.format(Locale.ROOT, "%s: %,d blocks, %,d tx, %.0f blocks/s, %.0f tx/s, %.0f%% done, ETA %s",
                phase, blocks, transactions, blocks / seconds, transactions / seconds, done * 100, eta);
    }
}
