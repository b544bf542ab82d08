package io.chainlake.orchestration.bench;

import io.chainlake.catalog.LayerBuilder.JobRun;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything one {@code ./chainlake bench} run measured.
 *
 * @param chain        what was generated
 * @param generated    the chain's blocks, transactions (coinbases included) and file bytes, in the generation time
 * @param parse        the measured parse-only passes (after a warm-up pass), all together
 * @param parsePasses  how many times the measured parse-only step read the file
 * @param phases       every measured step, in run order, named by the constants of this class
 * @param layerSeconds the build's time by layer ({@link LayerTimer#SETUP} first)
 * @param qualitySeconds the time of the quality checks run after each layer (part of the layer's time)
 * @param qualityPlanningCpuSeconds CPU time of planning each layer's checks while the layer's jobs ran (in the
 *                                  jobs' time, not in {@code qualitySeconds})
 * @param jobs         the build's jobs; jobs of one wave share one Flink job and show its time
 * @param maxHeapBytes the JVM's maximum heap ({@code Runtime.maxMemory()})
 * @param heapFlag     the {@code -Xmx} flag the JVM was started with, or "default -Xmx"
 * @param peakRssBytes the process's peak resident set, where the system says
 * @param warehouseBytes bytes on disk of each warehouse database directory ({@code ods.db}, ...) after the build
 * @param qualityGateFailure why a quality gate stopped jobs of the build, when it did: the figures then leave
 *                           out the jobs it stopped
 */
public record BenchResult(
        SyntheticChainConfig chain,
        Throughput generated,
        Throughput parse,
        int parsePasses,
        List<Phase> phases,
        Map<String, Double> layerSeconds,
        Map<String, Double> qualitySeconds,
        Map<String, Double> qualityPlanningCpuSeconds,
        List<JobRun> jobs,
        long maxHeapBytes,
        String heapFlag,
        OptionalLong peakRssBytes,
        Map<String, Long> warehouseBytes,
        Optional<String> qualityGateFailure) {

    public static final String GENERATE = "generate";
    public static final String PARSE_WARM_UP = "parse-only warm-up";
    public static final String PARSE = "parse-only";
    public static final String SESSION = "open session";
    public static final String LOAD = "load-blocks";
    public static final String BUILD = "build";

    /** What end-to-end means: what {@code ./chainlake load-blocks} and {@code ./chainlake build} do in-process. */
    public static final List<String> END_TO_END = List.of(SESSION, LOAD, BUILD);

    /** Parse-only target of issue #3 on the 2-core reference machine. */
    public static final double PARSE_TARGET_TX_PER_SECOND = 100_000;

    /** Issue #6 §5: the quality checks take at most this share of the build time. */
    public static final double QUALITY_SHARE_TARGET = 0.20;

    /** End-to-end target of issue #3, as a share of the parse-only rate of the same run. */
    public static final double RATIO_TARGET = 0.25;

    public BenchResult {
        phases = List.copyOf(phases);
        layerSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(layerSeconds));
        jobs = List.copyOf(jobs);
        warehouseBytes = Collections.unmodifiableMap(new LinkedHashMap<>(warehouseBytes));
    }

    public Phase phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase " + name + " in " + phases));
    }

    /** The chain's work in the time of {@link #END_TO_END}. */
    public Throughput endToEnd() {
        return generated.in(END_TO_END.stream().mapToDouble(name -> phase(name).seconds()).sum());
    }

    /** The chain's work in the time of {@code load-blocks} and {@code build}: the batch rate a stream compares with. */
    public Throughput loadAndBuild() {
        return generated.in(phase(LOAD).seconds() + phase(BUILD).seconds());
    }

    /** CPU time of the whole process over {@link #END_TO_END}, all threads. */
    public double endToEndCpuSeconds() {
        return END_TO_END.stream().mapToDouble(name -> phase(name).cpuSeconds()).sum();
    }

    /**
     * Like {@link #ratio()}, per CPU-second instead of per second: what the ratio would be if both steps had the
     * same share of the machine, which they do not on a busy one.
     */
    public double cpuRatio() {
        double parseCpu = phase(PARSE).cpuSeconds();
        double e2eCpu = endToEndCpuSeconds();
        return (generated.transactions() / e2eCpu) / (parse.transactions() / parseCpu);
    }

    /** End-to-end transactions per second over parse-only transactions per second. */
    public double ratio() {
        return endToEnd().transactionsPerSecond() / parse.transactionsPerSecond();
    }

    public boolean parseTargetMet() {
        return parse.transactionsPerSecond() >= PARSE_TARGET_TX_PER_SECOND;
    }

    public boolean ratioTargetMet() {
        return ratio() >= RATIO_TARGET;
    }

    /** The quality checks' seconds (every layer's) over the build's. */
    public double qualityShare() {
        return qualitySeconds.values().stream().mapToDouble(Double::doubleValue).sum() / phase(BUILD).seconds();
    }

    /** Highest heap use sampled in any phase. */
    public long peakHeapBytes() {
        return phases.stream().mapToLong(Phase::peakHeapBytes).max().orElse(0);
    }

    /**
     * Seconds the build's jobs took, by layer ({@code dwd}, ...): each wave counted once, since the jobs of a wave
     * share one Flink job and report its time. A layer's time beyond this went to its DDL, row counts and quality
     * checks.
     */
    public Map<String, Double> jobSecondsByLayer() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Set<String> waves = new HashSet<>();
        for (JobRun job : jobs) {
            String layer = job.table().substring(0, job.table().indexOf('.'));
            if (waves.add(layer + "@" + job.seconds())) {
                seconds.merge(layer, job.seconds(), Double::sum);
            }
        }
        return seconds;
    }

    /** Rows the build wrote to a table, when it built that table. */
    public Optional<Long> rowsOf(String table) {
        return jobs.stream().filter(j -> j.table().equals(table)).map(JobRun::rows).findFirst();
    }
}
