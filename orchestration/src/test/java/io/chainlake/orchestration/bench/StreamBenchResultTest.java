package io.chainlake.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.orchestration.stream.StreamingPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ratios and targets worked out by hand from made-up measurements. */
class StreamBenchResultTest {

    private static final Phase PHASE = new Phase("stream", 10.0, 15.0, 0, 0.0, 4.0, 3.0);

    private static StreamBenchResult streamed(double seconds, List<Double> adsMillis, List<Integer> unseen) {
        return new StreamBenchResult(Duration.ofSeconds(1), PHASE, PHASE,
                new Throughput(150, 60_000, 22_000_000, seconds), 2.0, 150, PHASE, 1.0, 30,
                Optional.of(new Latencies(List.of(900.0))), Optional.of(new Latencies(adsMillis)), unseen,
                Optional.empty());
    }

    @Test
    void ratioIsStreamedOverBatchTransactionsPerSecond() {
        Throughput batch = new Throughput(150, 60_000, 22_000_000, 80.0); // 750 tx/s

        StreamBenchResult fast = streamed(120.0, List.of(1_000.0), List.of()); // 500 tx/s
        assertThat(fast.ratio(batch)).isCloseTo(2.0 / 3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fast.ratioTargetMet(batch)).isTrue();

        StreamBenchResult slow = streamed(200.0, List.of(1_000.0), List.of()); // 300 tx/s
        assertThat(slow.ratio(batch)).isEqualTo(0.4);
        assertThat(slow.ratioTargetMet(batch)).isFalse();
    }

    @Test
    void latencyTargetNeedsP99WithinFiveSecondsAndEveryBlockSeen() {
        assertThat(streamed(100.0, List.of(2_000.0, 5_000.0), List.of()).latencyTargetMet()).isTrue();
        assertThat(streamed(100.0, List.of(2_000.0, 5_001.0), List.of()).latencyTargetMet()).isFalse();
        assertThat(streamed(100.0, List.of(2_000.0), List.of(171)).latencyTargetMet()).isFalse();
    }

    @Test
    void aStreamThatNeverCatchesUpFailsTheLatencyTargetAndSaysSo() {
        StreamBenchResult behind = new StreamBenchResult(Duration.ofSeconds(1), PHASE, PHASE,
                new Throughput(150, 60_000, 22_000_000, 100.0), 2.0, 150, PHASE, 1.0, 30, Optional.empty(),
                Optional.empty(), IntStream.range(150, 180).boxed().toList(), Optional.empty());

        assertThat(behind.latencyTargetMet()).isFalse();
        assertThat(StreamBenchReport.rows(behind, BenchReportTest.result(30.0))).anySatisfy(r -> {
            assertThat(r.figure()).isEqualTo("latency publish → ads.difficulty_epoch.last_height");
            assertThat(r.value()).isEqualTo("none of 30 blocks at 1.0 block/s seen within 120 s of its publish");
            assertThat(r.target()).isEqualTo("p99 ≤ 5 s: NOT met");
        });
    }

    @Test
    void reportShowsTheStreamBesideTheBatchOfTheSameRun() {
        BenchResult batch = BenchReportTest.result(30.0); // 1,000,000 tx; load 9 s + build 30 s
        StreamBenchResult s = new StreamBenchResult(Duration.ofMillis(1_000), PHASE, PHASE,
                new Throughput(1_000, 1_000_000, 400_000_000, 50.0), 3.0, 1_000, PHASE, 1.0, 2,
                Optional.of(new Latencies(List.of(1_000.0, 2_000.0))),
                Optional.of(new Latencies(List.of(3_000.0, 4_000.0))), List.of(),
                Optional.of(new StreamingPipeline.CheckpointTimes(40, 600.0, 1_400.0, 1_500.0)));

        List<BenchReport.Row> rows = StreamBenchReport.rows(s, batch);

        // 20,000 tx/s streamed over 1,000,000 / 39 = 25,641 tx/s batch = 78 %
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.figure()).isEqualTo("ratio stream / batch");
            assertThat(r.value()).isEqualTo("78 %");
            assertThat(r.target()).isEqualTo("≥ 50 %: met");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.figure()).isEqualTo("latency publish → ads.difficulty_epoch.last_height");
            assertThat(r.value()).startsWith("p50 3.00 s · p99 4.00 s · max 4.00 s over 2 of 2 blocks");
            assertThat(r.target()).isEqualTo("p99 ≤ 5 s: met");
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.value()).startsWith("1,000 = blocks published"));
        assertThat(rows).anySatisfy(r -> assertThat(r.value())
                .startsWith("40 completed, each taking p50 600 ms · p99 1,400 ms · max 1,500 ms"));
    }
}
