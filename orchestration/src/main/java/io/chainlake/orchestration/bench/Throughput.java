package io.chainlake.orchestration.bench;

/**
 * Work done in a time: blocks, transactions and bytes of block file in {@code seconds}.
 *
 * @param blocks       blocks handled
 * @param transactions transactions in them, coinbases included
 * @param bytes        bytes of block file they take, record headers included
 * @param seconds      wall-clock time
 */
public record Throughput(long blocks, long transactions, long bytes, double seconds) {

    public Throughput {
        if (seconds <= 0) {
            throw new IllegalArgumentException("seconds " + seconds + " must be positive");
        }
    }

    public double blocksPerSecond() {
        return blocks / seconds;
    }

    public double transactionsPerSecond() {
        return transactions / seconds;
    }

    /** Megabytes (10^6 bytes) of block file per second. */
    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds;
    }

    /** The same work in another time. */
    public Throughput in(double otherSeconds) {
        return new Throughput(blocks, transactions, bytes, otherSeconds);
    }
}
