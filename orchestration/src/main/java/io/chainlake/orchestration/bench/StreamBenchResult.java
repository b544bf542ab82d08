package io.chainlake.orchestration.bench;

import io.chainlake.orchestration.stream.StreamingPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the streaming part of {@code ./chainlake bench --streaming} measured.
 *
 * @param checkpointInterval  the stream's checkpoint interval: each layer hop waits for a checkpoint commit
 * @param deploy              starting the streaming job until its first checkpoint completed (every task running)
 * @param backlog             publishing the bench chain's blocks to Kafka at once and streaming them to ADS: the
 *                            phase runs until idle was detected, so it includes the quiet time
 * @param streamed            the chain's blocks and transactions over the time from the first publish to the last
 *                            table commit
 * @param publishSeconds      time the producer took to publish the backlog
 * @param blockStatsRows      rows of {@code dws.btc_block_stats} after the backlog: one per block when nothing
 *                            was lost
 * @param latencyRun          the latency phase: blocks published at {@code latencyBlocksPerSecond}
 * @param latencyBlocksPerSecond the steady publish rate of the latency phase
 * @param latencyBlocks       blocks published in the latency phase
 * @param toDws               publish → the block's row readable in {@code dws.btc_block_stats}, per block seen;
 *                            empty when none was
 * @param toAds               publish → {@code ads.difficulty_epoch.last_height} reaching the block's height, per
 *                            block seen; empty when none was
 * @param unseenBlocks        heights of latency blocks that did not reach ADS before the wait ended
 * @param checkpoints         the run's completed checkpoints and how long they took; empty when unknown
 */
public record StreamBenchResult(
        Duration checkpointInterval,
        Phase deploy,
        Phase backlog,
        Throughput streamed,
        double publishSeconds,
        long blockStatsRows,
        Phase latencyRun,
        double latencyBlocksPerSecond,
        int latencyBlocks,
        Optional<Latencies> toDws,
        Optional<Latencies> toAds,
        List<Integer> unseenBlocks,
        Optional<StreamingPipeline.CheckpointTimes> checkpoints) {

    /** Streaming throughput target of issue #4 §6, as a share of the batch throughput of the same blocks. */
    public static final double RATIO_TARGET = 0.5;

    /** Latency target of issue #4 §6: p99 publish → ADS at one block per second. */
    public static final double P99_TARGET_MILLIS = 5_000;

    public StreamBenchResult {
        unseenBlocks = List.copyOf(unseenBlocks);
    }

    /** Streamed transactions per second over the batch's ({@code load-blocks} + {@code build}) of the same blocks. */
    public double ratio(Throughput batch) {
        return streamed.transactionsPerSecond() / batch.transactionsPerSecond();
    }

    public boolean ratioTargetMet(Throughput batch) {
        return ratio(batch) >= RATIO_TARGET;
    }

    /** Met only when every latency block reached ADS and the p99 is within the target. */
    public boolean latencyTargetMet() {
        return unseenBlocks.isEmpty() && toAds.isPresent() && toAds.get().p99() <= P99_TARGET_MILLIS;
    }
}
