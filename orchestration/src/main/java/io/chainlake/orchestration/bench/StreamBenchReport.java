package io.chainlake.orchestration.bench;

import static io.chainlake.orchestration.bench.BenchReport.f;
import static io.chainlake.orchestration.bench.BenchReport.load;
import static io.chainlake.orchestration.bench.BenchReport.met;
import static io.chainlake.orchestration.bench.BenchReport.rates;

import io.chainlake.orchestration.bench.BenchReport.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The streaming part's figures as rows of the bench table, beside the batch figures of the same run. */
public final class StreamBenchReport {

    private StreamBenchReport() {
    }

    public static List<Row> rows(StreamBenchResult s, BenchResult batch) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("stream deploy", f("%.1f s until the first checkpoint (every task running), checkpoint "
                + "interval %,d ms", s.deploy().seconds(), s.checkpointInterval().toMillis()), "", load(s.deploy())));
        Throughput batchRate = batch.loadAndBuild();
        rows.add(new Row("stream throughput Kafka → ADS", rates(s.streamed()) + f(": first publish to last table "
                + "commit; publishing took %.1f s", s.publishSeconds()), "", load(s.backlog())));
        rows.add(new Row("batch throughput (load-blocks + build)", rates(batchRate), "", ""));
        rows.add(new Row("ratio stream / batch", f("%.0f %%", s.ratio(batchRate) * 100),
                f("≥ %.0f %%: %s", StreamBenchResult.RATIO_TARGET * 100, met(s.ratioTargetMet(batchRate))),
                load(s.backlog())));
        rows.add(new Row("stream backlog CPU (process, all threads)",
                cpu(s.backlog(), " (quiet time to detect idle included)"), "", load(s.backlog())));
        rows.add(new Row("check: dws.btc_block_stats rows", f("%,d%s", s.blockStatsRows(),
                s.blockStatsRows() == s.streamed().blocks() ? " = blocks published"
                        : f(" ≠ %,d blocks published", s.streamed().blocks())), "", ""));
        rows.add(new Row("latency publish → dws.btc_block_stats row", latencies(s.toDws(), s), "",
                load(s.latencyRun())));
        rows.add(new Row("latency publish → ads.difficulty_epoch.last_height", latencies(s.toAds(), s)
                + (s.unseenBlocks().isEmpty() || s.toAds().isEmpty() ? "" : f("; NOT seen within %d s: heights %s",
                        StreamBenchmark.LATENCY_WAIT.toSeconds(), s.unseenBlocks())),
                f("p99 ≤ %.0f s: %s", StreamBenchResult.P99_TARGET_MILLIS / 1000, met(s.latencyTargetMet())),
                load(s.latencyRun())));
        rows.add(new Row("latency part CPU (process, all threads)", cpu(s.latencyRun(), ""), "",
                load(s.latencyRun())));
        rows.add(new Row("stream checkpoints (whole run)", s.checkpoints().map(c -> f("%,d completed, each taking "
                + "p50 %,.0f ms · p99 %,.0f ms · max %,.0f ms (a layer hop waits for one)", c.completed(),
                c.p50Millis(), c.p99Millis(), c.maxMillis())).orElse("unknown"), "", load(s.latencyRun())));
        return rows;
    }

    /**
     * A step's CPU, cores busy and the JIT compiler's part of it (a young JVM compiles Flink's generated code while
     * it streams).
     */
    private static String cpu(Phase p, String whatTheTimeHolds) {
        if (Double.isNaN(p.cpuSeconds())) {
            return "unknown";
        }
        return f("%,.0f CPU-s over %.1f s%s, %.2f cores busy on average%s", p.cpuSeconds(), p.seconds(),
                whatTheTimeHolds, p.cpuSeconds() / p.seconds(), Double.isNaN(p.jitSeconds()) ? ""
                        : f("; the JIT compiler threads %.0f CPU-s of it", p.jitSeconds()));
    }

    private static String latencies(Optional<Latencies> measured, StreamBenchResult s) {
        return measured.map(l -> f("p50 %.2f s · p99 %.2f s · max %.2f s over %d of %d blocks at %.1f block/s",
                        l.p50() / 1000, l.p99() / 1000, l.max() / 1000, l.count(), s.latencyBlocks(),
                        s.latencyBlocksPerSecond()))
                .orElse(f("none of %d blocks at %.1f block/s seen within %d s of its publish", s.latencyBlocks(),
                        s.latencyBlocksPerSecond(), StreamBenchmark.LATENCY_WAIT.toSeconds()));
    }
}
