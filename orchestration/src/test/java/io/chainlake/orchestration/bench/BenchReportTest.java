package io.chainlake.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.LayerBuilder.JobRun;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Expected figures are worked out by hand from the made-up measurements below. */
class BenchReportTest {

    private static final long MIB = 1024 * 1024;

    /**
     * 1,000,000 transactions in 1,000 blocks and 400 MB; parse-only takes 5 s, end-to-end 1 + 9 + 30 = 40 s and
     * 1.5 + 12 + 46.5 = 60 CPU seconds.
     */
    static BenchResult result(double buildSeconds) {
        return result(buildSeconds, Optional.empty());
    }

    private static BenchResult result(double buildSeconds, Optional<String> gateFailure) {
        Map<String, Double> layers = new LinkedHashMap<>();
        layers.put(LayerTimer.SETUP, 1.0);
        layers.put("dwd", buildSeconds - 3.0);
        layers.put("dws", 1.5);
        layers.put("ads", 0.5);
        Map<String, Double> quality = new LinkedHashMap<>();
        quality.put("dwd", 3.0);
        quality.put("dws", 0.5);
        return new BenchResult(
                SyntheticChainConfig.of(1_000, 1_000, 7L).withCoinbaseMaturity(1),
                new Throughput(1_000, 1_000_000, 400_000_000, 100.0),
                new Throughput(1_000, 1_000_000, 400_000_000, 5.0),
                1,
                List.of(
                        new Phase(BenchResult.GENERATE, 100.0, 100.0, 300 * MIB, 2.0, 1.5, 2.5),
                        new Phase(BenchResult.PARSE_WARM_UP, 6.0, 6.0, 200 * MIB, 0.5, 1.5, 2.6),
                        new Phase(BenchResult.PARSE, 5.0, 5.0, 250 * MIB, 0.4, 1.5, 2.7),
                        new Phase(BenchResult.SESSION, 1.0, 1.5, 100 * MIB, 0.0, 1.5, 2.8),
                        new Phase(BenchResult.LOAD, 9.0, 12.0, 900 * MIB, 1.0, 1.5, 2.9),
                        new Phase(BenchResult.BUILD, buildSeconds, 46.5, 2_048 * MIB, 3.0, 30.5, 3.25)),
                layers,
                quality,
                Map.of("dwd", 2.5),
                List.of(
                        new JobRun("dwd.btc_block_chain", 1_000, 0.5),
                        new JobRun("dwd.btc_input", 2_000_000, 20.0), // one wave: the same Flink job and time
                        new JobRun("dwd.btc_tx", 1_000_000, 20.0),
                        new JobRun("dws.btc_chain_day", 10, 1.0)),
                6_144 * MIB,
                "-Xmx6g",
                OptionalLong.of(3_000 * MIB),
                Map.of("ods", 450_000_000L),
                gateFailure);
    }

    @Test
    void computesTheEndToEndRateAndTheRatioFromTheSameRun() {
        BenchResult r = result(30.0);

        assertThat(r.endToEnd().seconds()).isEqualTo(40.0);
        assertThat(r.endToEnd().transactionsPerSecond()).isEqualTo(25_000.0);
        assertThat(r.parse().transactionsPerSecond()).isEqualTo(200_000.0);
        assertThat(r.ratio()).isEqualTo(0.125);
        assertThat(r.parseTargetMet()).isTrue();
        assertThat(r.ratioTargetMet()).isFalse();
        assertThat(r.peakHeapBytes()).isEqualTo(2_048 * MIB);
        assertThat(r.endToEndCpuSeconds()).isEqualTo(60.0);
        // the batch rate a stream compares with: load-blocks 9 s + build 30 s, session excluded
        assertThat(r.loadAndBuild().seconds()).isEqualTo(39.0);
        assertThat(r.loadAndBuild().transactions()).isEqualTo(1_000_000);
        assertThat(r.jobSecondsByLayer()).containsExactly(Map.entry("dwd", 20.5), Map.entry("dws", 1.0));
        // 1,000,000 tx / 60 CPU-s end-to-end over 1,000,000 tx / 5 CPU-s parse-only
        assertThat(r.cpuRatio()).isCloseTo(5.0 / 60.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void tableShowsTheJitCompileTimeOfEachStep() {
        assertThat(BenchReport.rows(result(30.0))).filteredOn(r -> r.figure().startsWith("JIT compiler threads"))
                .singleElement().extracting(BenchReport.Row::value).asString().contains("build 30.5 s");
    }

    @Test
    void tableShowsEachFigureWithItsTargetAndLoad() {
        List<BenchReport.Row> rows = BenchReport.rows(result(30.0));

        assertThat(rows).contains(
                new BenchReport.Row("parse-only", "200 blocks/s · 200,000 tx/s · 80.0 MB/s (5.00 s), 1 pass",
                        "≥ 100,000 tx/s: met", "2.70"),
                new BenchReport.Row("parse-only CPU (process, all threads)",
                        "5.0 CPU-s, 1.00 cores busy on average: 200,000 tx per CPU-second", "", "2.70"),
                new BenchReport.Row("ratio per CPU-second", "8.33 %", "", ""),
                new BenchReport.Row("end-to-end (session + load + build)",
                        "25 blocks/s · 25,000 tx/s · 10.0 MB/s (40.00 s)", "", "3.25"),
                new BenchReport.Row("end-to-end CPU (process, all threads)",
                        "60 CPU-s, 1.50 cores busy on average: 16,667 tx per CPU-second", "", "3.25"),
                new BenchReport.Row("ratio end-to-end / parse-only", "12.5 %", "≥ 25 %: NOT met", "3.25"),
                new BenchReport.Row("build", "30.0 s (33,333 tx/s): setup 1.0 s, dwd 27.0 s (jobs 20.5 s), dws 1.5 s (jobs 1.0 s), ads 0.5 s",
                        "", "3.25"),
                new BenchReport.Row("warehouse on disk", "ods 450.0 MB", "", ""),
                new BenchReport.Row("check: dwd.btc_tx rows", "1,000,000 = transactions generated", "", ""));
        assertThat(rows).filteredOn(row -> row.figure().startsWith("peak heap")).singleElement()
                .satisfies(row -> assertThat(row.value()).startsWith("2,048 MiB of max 6,144 MiB (-Xmx6g); "
                        + "generate 300 MiB, parse-only warm-up 200 MiB"));
    }

    @Test
    void theQualityChecksShareOfTheBuildIsHeldAgainstItsTarget() {
        // 3.0 + 0.5 s of checks in a 30 s build: 11.7 %
        assertThat(BenchReport.rows(result(30.0))).contains(new BenchReport.Row("quality checks",
                "3.5 s, 12 % of the build: dwd 3.0 s, dws 0.5 s", "≤ 20 % of the build: met", "3.25"));
        // planning done while the layers' jobs ran is shown apart: it is in the jobs' time, not the checks'
        assertThat(BenchReport.rows(result(30.0))).contains(new BenchReport.Row(
                "quality checks planned during the jobs", "2.5 CPU-s (in the jobs' time above): dwd 2.5", "", ""));
        // the same checks in a 10 s build: 35 %
        assertThat(BenchReport.rows(result(10.0))).anySatisfy(row -> assertThat(row)
                .isEqualTo(new BenchReport.Row("quality checks", "3.5 s, 35 % of the build: dwd 3.0 s, dws 0.5 s",
                        "≤ 20 % of the build: NOT met", "3.25")));
    }

    @Test
    void aBuildStoppedByAQualityGateSaysSo() {
        String failure = "1 error check(s) failed (run dq-1): dws/btc_chain_day__primary_key; not built: "
                + "ads.chain_daily_report";
        BenchResult stopped = result(30.0, Optional.of(failure));

        assertThat(BenchReport.rows(stopped)).contains(
                new BenchReport.Row("quality gate", "FAILED: " + failure, "", ""));
        assertThat(BenchReport.rows(result(30.0))).contains(
                new BenchReport.Row("quality gate", "passed (its checks are part of the build time)", "", ""));
    }

    @Test
    void aFastEnoughBuildMeetsTheRatioTarget() {
        // 1 + 9 + 10 = 20 s end-to-end: 50,000 tx/s, 25 % of 200,000
        BenchResult r = result(10.0);

        assertThat(r.ratio()).isEqualTo(0.25);
        assertThat(BenchReport.rows(r)).anySatisfy(row -> assertThat(row.target()).isEqualTo("≥ 25 %: met"));
    }

    @Test
    void markdownSectionIsDatedAndNamesCommandMachineAndJobs() {
        Machine machine = new Machine(2, "Some CPU @ 2.60GHz", 24L * 1024 * MIB, "OpenJDK 64-Bit Server VM 17.0.15");
        String md = BenchReport.markdown(result(30.0), machine, "./chainlake bench --blocks 1000",
                ZonedDateTime.of(2025, 6, 1, 20, 41, 0, 0, ZoneId.of("UTC")), "3.12 4.66 4.30", "2.00 3.00 4.00");

        assertThat(md).startsWith("### 2025-06-01 20:41 UTC: 1,000 blocks × 1,000 tx/block (1,000,000 transactions)\n");
        assertThat(md).contains("Command: `./chainlake bench --blocks 1000`");
        assertThat(md).contains("Machine: 2 processors (Some CPU @ 2.60GHz), 24.0 GiB RAM, OpenJDK 64-Bit Server VM "
                + "17.0.15; load average (1, 5, 15 min) 3.12 4.66 4.30 at start, 2.00 3.00 4.00 at end.");
        assertThat(md).contains("| Figure | Value | Target | Load (1 min) |\n| --- | --- | --- | --- |\n");
        assertThat(md).contains("| ratio end-to-end / parse-only | 12.5 % | ≥ 25 %: NOT met | 3.25 |");
        assertThat(md).contains("| dwd.btc_tx | 1,000,000 | 20.0 |");
    }

    @Test
    void textTableAlignsColumns() {
        List<String> lines = BenchReport.text(result(30.0)).lines().toList();

        assertThat(lines.get(0)).startsWith("Figure").contains("Value").contains("Target").contains("Load (1 min)");
        int valueColumn = lines.get(0).indexOf("Value");
        assertThat(lines).allSatisfy(line -> assertThat(line.charAt(valueColumn - 1)).isEqualTo(' '));
    }

    @Test
    void shellCommandQuotesWhatTheShellWouldSplit() {
        assertThat(BenchReport.shellCommand("-Xmx6g", "./chainlake",
                List.of("bench", "--blocks", "1100", "--record", "docs/benchmarks.md")))
                .isEqualTo("CHAINLAKE_JAVA_OPTS=-Xmx6g ./chainlake bench --blocks 1100 --record docs/benchmarks.md");
        assertThat(BenchReport.shellCommand("-Xmx6g -XX:+UseG1GC", "./chainlake",
                List.of("--set", "address-rank.top-n=10", "bench", "--work-dir", "my dir", "it's")))
                .isEqualTo("CHAINLAKE_JAVA_OPTS='-Xmx6g -XX:+UseG1GC' ./chainlake --set address-rank.top-n=10 bench "
                        + "--work-dir 'my dir' 'it'\\''s'");
        assertThat(BenchReport.shellCommand(null, "./chainlake", List.of("bench"))).isEqualTo("./chainlake bench");
    }
}
