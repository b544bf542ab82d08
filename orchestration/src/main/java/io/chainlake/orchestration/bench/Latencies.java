package io.chainlake.orchestration.bench;

import java.util.List;

/**
 * Latencies of a benchmark, in milliseconds, with nearest-rank percentiles: the p-th percentile is the smallest
 * sample that at least p % of the samples do not exceed (no interpolation, so it is always a measured value).
 */
public record Latencies(List<Double> millis) {

    public Latencies {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no latency measured");
        }
        millis = List.copyOf(millis);
    }

    /** The nearest-rank {@code percent}-th percentile, {@code 0 < percent <= 100}. */
    public double percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile " + percent + " is not in (0, 100]");
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public double max() {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    public int count() {
        return millis.size();
    }
}
