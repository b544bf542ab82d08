package io.chainlake.orchestration;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.load.ShareLoadResult;
import io.chainlake.ods.load.ShareLoader;
import io.chainlake.ods.pool.ShareDecodeException;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareLogReader;
import io.chainlake.ods.pool.ShareLogWriter;
import io.chainlake.orchestration.bench.BenchReport;
import io.chainlake.orchestration.bench.Machine;
import io.chainlake.orchestration.bench.PoolStreamBenchmark;
import io.chainlake.orchestration.pool.ShareSimulator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The pool part of the benchmark (issue #5 §5): shares/s of {@code load-shares} + {@code build} over a simulated
 * share log, beside a plain read-and-decode-and-count pass over the same file in the same JVM; with
 * {@code --streaming} the same log through Kafka and the streaming job ({@link PoolStreamBenchmark}).
 */
@Command(name = "pool", description = "Benchmark the pool pipeline: shares/s of load-shares + build over a simulated "
        + "share log vs a plain read-decode-count pass over the same file; with --streaming also Kafka -> ADS "
        + "shares/s and share -> realtime-row latency. See docs/benchmarks.md.")
final class PoolBenchCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--users", defaultValue = "20", description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--workers", defaultValue = "500", description = "Workers (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--rate", paramLabel = "SHARES_PER_S", defaultValue = "500",
            description = "Simulated shares per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "600",
            description = "Simulated seconds (default ${DEFAULT-VALUE}: 300k shares at the default rate).")
    long durationSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "json|protobuf", defaultValue = "json",
            description = "Encoding of the share log (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Keep the share log and warehouse in DIR (default: a temporary directory, deleted after).")
    Path workDir;

    @Option(names = "--streaming", description = "Also stream the same share log through an in-process Kafka broker "
            + "and the pool streaming job: shares/s beside a plain consume-and-count of the topic, then the latency "
            + "from a share's publish to its worker's realtime row at a steady rate (adds a few minutes).")
    boolean streaming;

    @Option(names = "--no-batch", description = "With --streaming: skip the batch part (the streaming part has its own "
            + "baseline).")
    boolean noBatch;

    @Option(names = "--checkpoint-interval", paramLabel = "MS", defaultValue = "1000",
            description = "With --streaming: the stream's checkpoint interval in milliseconds (default "
                    + "${DEFAULT-VALUE}, as 'stream').")
    long checkpointIntervalMillis;

    @Option(names = "--stream-parallelism", paramLabel = "N", defaultValue = StreamCommand.DEFAULT_PARALLELISM,
            description = "With --streaming: the stream's Flink parallelism (default ${DEFAULT-VALUE}, as 'stream'; "
                    + "the config key parallelism applies to the batch part only).")
    int streamParallelism;

    @Option(names = "--latency-rate", paramLabel = "SHARES_PER_S", defaultValue = "1000",
            description = "With --streaming: shares per second of the latency part (default ${DEFAULT-VALUE}).")
    double latencyRate;

    @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "60",
            description = "With --streaming: how long the latency part publishes (default ${DEFAULT-VALUE}).")
    long latencySeconds;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Append the figures as a dated markdown section to FILE, e.g. docs/benchmarks.md.")
    Path record;

    @Override
    public Integer call() throws Exception {
        String loadAtStart = Machine.loadAverages();
        Path dir = workDir == null ? Files.createTempDirectory("chainlake-pool-bench-") : Files.createDirectories(workDir);
        try {
            if (noBatch && !streaming) {
                throw new IllegalArgumentException("--no-batch needs --streaming: there would be nothing to measure");
            }
            String figures = noBatch ? "" : run(dir);
            if (streaming) {
                figures += stream(dir);
            }
            System.out.println();
            System.out.print(figures);
            if (record != null) {
                Machine m = Machine.describe();
                String command = BenchReport.shellCommand(System.getenv("CHAINLAKE_JAVA_OPTS"), "./chainlake",
                        spec.root().commandLine().getParseResult().originalArgs());
                String section = String.format(Locale.ROOT, "## Pool run %s%n%n`%s`%n%nMachine: %d cores (%s), %d GiB, "
                                + "%s; load averages %s at the start, %s at the end.%n%n```%n%s```%n",
                        ZonedDateTime.now(ZoneId.of("UTC")).withNano(0), command, m.processors(), m.cpuModel(),
                        m.memoryBytes() >> 30, m.jdk(), loadAtStart, Machine.loadAverages(), figures);
                Files.writeString(record, "\n" + section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                System.out.println("recorded in " + record);
            }
            return 0;
        } finally {
            if (workDir == null) {
                BenchCommand.deleteTree(dir);
            }
        }
    }

    private String run(Path dir) throws Exception {
        ShareEncoding encoding = ShareEncoding.fromCliName(format);
        Path log = dir.resolve("shares." + (encoding == ShareEncoding.JSON ? "jsonl" : "pb"));
        ShareSimulator simulator = new ShareSimulator(logOptions(encoding));
        System.out.println("bench pool: simulating " + durationSeconds + " s at " + rate + " shares/s into " + log);
        long t0 = System.nanoTime();
        ShareSimulator.Summary summary;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
            ShareLogWriter writer = new ShareLogWriter(out, encoding);
            summary = simulator.run(m -> {
                try {
                    writer.writePayload(m.payload());
                } catch (IOException e) {
                    throw new UncheckedIOException(log + ": " + e.getMessage(), e);
                }
            });
        }
        double generateSeconds = seconds(t0);

        readAndCount(log, encoding); // warm-up: JIT and page cache, as the block parse-only step does
        double cpu0 = Machine.processCpuSeconds();
        t0 = System.nanoTime();
        long decoded = readAndCount(log, encoding);
        double baselineSeconds = seconds(t0);
        double baselineCpu = Machine.processCpuSeconds() - cpu0;

        // exports go to a database of this run, dropped after it: bench figures are no dashboard's business
        String poolDatabase = "chainlake_pool_bench_" + ProcessHandle.current().pid();
        ChainlakeConfig config = bench.cli.config()
                .with(ChainlakeConfig.WAREHOUSE, dir.resolve("warehouse").toString())
                .with(ChainlakeConfig.MYSQL_POOL_DATABASE, poolDatabase);
        FreshWarehouse.recreate(config.warehouse());
        cpu0 = Machine.processCpuSeconds();
        t0 = System.nanoTime();
        double loadSeconds;
        double buildSeconds;
        long dwdShares;
        ShareLoadResult loaded;
        try (WarehouseSession session = WarehouseSession.batch(config)) {
            double sessionSeconds = seconds(t0);
            long t1 = System.nanoTime();
            loaded = new ShareLoader(session, line -> {}).load(List.of(log), encoding);
            loadSeconds = seconds(t1);
            t1 = System.nanoTime();
            BatchBuild.run(session, System.out::println);
            buildSeconds = seconds(t1);
            dwdShares = session.count("dwd.pool_share");
            loadSeconds += sessionSeconds;
        } finally {
            dropDatabase(config.with(ChainlakeConfig.MYSQL_DATABASE, poolDatabase));
        }
        double endToEndSeconds = seconds(t0);
        double endToEndCpu = Machine.processCpuSeconds() - cpu0;

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "share log          %,d messages (%,d distinct shares, %,d malformed, %,d "
                        + "duplicates, %,d late), %s, %,d bytes; generated in %.1f s%n", summary.messages(),
                summary.shares(), summary.malformed(), summary.duplicates(), summary.late(), encoding.cliName(),
                Files.size(log), generateSeconds));
        s.append(String.format(Locale.ROOT, "read-decode-count  %,.0f messages/s (%,d decoded in %.2f s, %.2f CPU-s)%n",
                summary.messages() / baselineSeconds, decoded, baselineSeconds, baselineCpu));
        s.append(String.format(Locale.ROOT, "load-shares        %.1f s (session included; %,d added, %,d rejected)%n",
                loadSeconds, loaded.added(), loaded.rejected()));
        s.append(String.format(Locale.ROOT, "build              %.1f s (every layer, chain tables empty, quality checks)%n",
                buildSeconds));
        s.append(String.format(Locale.ROOT, "end-to-end         %,.0f messages/s (%.1f s, %.1f CPU-s, %.2f cores busy)%n",
                summary.messages() / endToEndSeconds, endToEndSeconds, endToEndCpu, endToEndCpu / endToEndSeconds));
        s.append(String.format(Locale.ROOT, "ratio              %.2f %% of read-decode-count; per CPU-second %.2f %%%n",
                100 * baselineSeconds / endToEndSeconds, 100 * baselineCpu / endToEndCpu));
        s.append(String.format(Locale.ROOT, "check              dwd.pool_share %,d rows, the simulator made %,d distinct "
                + "shares%n", dwdShares, summary.shares()));
        return s.toString();
    }

    /** The simulated share log both parts measure: same options, same seed, same messages. */
    private ShareSimulator.Options logOptions(ShareEncoding encoding) {
        ShareSimulator.Options defaults = ShareSimulator.Options.defaults(users, workers, rate, durationSeconds, seed);
        return defaults.with(encoding, defaults.start());
    }

    /** The streaming part: the same simulated log, regenerated (same seed, same messages) into memory. */
    private String stream(Path dir) throws Exception {
        ShareEncoding encoding = ShareEncoding.fromCliName(format);
        ShareSimulator.Options options = logOptions(encoding);
        List<ShareSimulator.Message> backlog = new ArrayList<>();
        long distinctShares = new ShareSimulator(options).run(backlog::add).shares();
        // the latency part: the same users and workers (ids come from their names), another seed for their
        // hashrates, clean traffic (no late, duplicate or malformed messages to blur a probe)
        ShareSimulator.Options latency = new ShareSimulator.Options(users, workers, latencyRate, latencySeconds,
                seed + 1, options.start(), encoding, options.networkBits(), options.rejectRate(),
                options.staleRate(), 0, 0, 0, 0, 0);
        String poolDatabase = "chainlake_pool_bench_" + ProcessHandle.current().pid() + "_stream";
        ChainlakeConfig config = bench.cli.config().with(ChainlakeConfig.MYSQL_POOL_DATABASE, poolDatabase)
                .with(ChainlakeConfig.PARALLELISM, String.valueOf(streamParallelism));
        try {
            PoolStreamBenchmark.Result result = new PoolStreamBenchmark(config, dir.resolve("stream"),
                    Duration.ofMillis(checkpointIntervalMillis), System.out::println)
                    .run(backlog, distinctShares, encoding, latency);
            return result.figures();
        } finally {
            dropDatabase(config.with(ChainlakeConfig.MYSQL_DATABASE, poolDatabase));
        }
    }

    /** What any consumer of the log must do at least: read every message and decode it; malformed ones count 0. */
    private static long readAndCount(Path log, ShareEncoding encoding) throws IOException {
        AtomicLong decoded = new AtomicLong();
        ShareLogReader.read(log, encoding, r -> {
            if (r.isFramed()) {
                try {
                    encoding.decode(r.payload());
                    decoded.incrementAndGet();
                } catch (ShareDecodeException e) {
                    // malformed on purpose; the loader rejects it too
                }
            }
        });
        return decoded.get();
    }

    private static void dropDatabase(ChainlakeConfig config) {
        MysqlStore mysql = new MysqlStore(config);
        if (mysql.unavailableReason().isEmpty()) {
            try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + mysql.database() + "`");
            } catch (SQLException e) {
                System.err.println("bench pool: could not drop MySQL database " + mysql.database() + ": "
                        + e.getMessage());
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
