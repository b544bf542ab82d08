package io.chainlake.orchestration;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder.JobRun;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.load.BlockLoader;
import io.chainlake.ods.load.LoadResult;
import io.chainlake.orchestration.bench.BenchReport;
import io.chainlake.orchestration.bench.BenchResult;
import io.chainlake.orchestration.bench.HeapSampler;
import io.chainlake.orchestration.bench.LayerTimer;
import io.chainlake.orchestration.bench.Machine;
import io.chainlake.orchestration.bench.ParseBenchmark;
import io.chainlake.orchestration.bench.Phase;
import io.chainlake.orchestration.bench.PhaseMeter;
import io.chainlake.orchestration.bench.PhaseMeter.Timed;
import io.chainlake.orchestration.bench.StreamBenchReport;
import io.chainlake.orchestration.bench.StreamBenchResult;
import io.chainlake.orchestration.bench.StreamBenchmark;
import io.chainlake.orchestration.bench.Throughput;
import io.chainlake.orchestration.stream.StateBackend;
import io.chainlake.orchestration.synthetic.BlockFileSummary;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", subcommands = PoolBenchCommand.class, description = "Benchmark on a generated regtest chain: parse-only reader throughput, "
        + "end-to-end load-blocks + build throughput in the same run, their ratio and peak heap; with --streaming "
        + "also Kafka -> ADS streaming throughput and publish -> table latency. See docs/benchmarks.md.")
final class BenchCommand implements Callable<Integer> {

    /** The measured parse-only step reads the file until this much time has passed. */
    private static final double PARSE_SECONDS = 2.0;

    @ParentCommand
    ChainlakeCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "150",
            description = "Blocks to generate, genesis included (default ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--txs-per-block", paramLabel = "M", defaultValue = "400",
            description = "Payments per block besides the coinbase (default ${DEFAULT-VALUE}).")
    int txsPerBlock;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Generator seed: the same seed gives the same chain (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--coinbase-maturity", paramLabel = "B", defaultValue = "1",
            description = "Blocks before a coinbase may be spent (default ${DEFAULT-VALUE}, so payments start at "
                    + "block 2; Bitcoin's rule is 100, which leaves the first 100 blocks coinbase-only).")
    int coinbaseMaturity;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Keep the block file and warehouse in DIR (default: a temporary directory, deleted after).")
    Path workDir;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Append the figures as a dated markdown section to FILE, e.g. docs/benchmarks.md.")
    Path record;

    @Option(names = "--streaming",
            description = "Also stream the same blocks through an in-process Kafka broker and the streaming job: "
                    + "throughput beside the batch's, then latency at a steady block rate (adds a few minutes).")
    boolean streaming;

    @Option(names = "--latency-blocks", paramLabel = "L", defaultValue = "30",
            description = "With --streaming: blocks published one per second after the throughput part, extending "
                    + "the same chain, for the latency figures (default ${DEFAULT-VALUE}).")
    int latencyBlocks;

    @Option(names = "--checkpoint-interval", paramLabel = "MS", defaultValue = "1000",
            description = "With --streaming: the stream's checkpoint interval in milliseconds (default "
                    + "${DEFAULT-VALUE}, as 'stream').")
    long checkpointIntervalMs;

    @Option(names = "--stream-parallelism", paramLabel = "N", defaultValue = StreamCommand.DEFAULT_PARALLELISM,
            description = "With --streaming: the stream's Flink parallelism (default ${DEFAULT-VALUE}, as 'stream'; "
                    + "the config key parallelism applies to the batch part only).")
    int streamParallelism;

    @Option(names = "--state-backend", paramLabel = "hashmap|rocksdb", defaultValue = "hashmap",
            description = "With --streaming: the stream's state backend (default ${DEFAULT-VALUE}, as 'stream').")
    String stateBackend;

    /** The batch figures and, with --streaming, the streaming figures of the same run. */
    private record Figures(BenchResult batch, Optional<StreamBenchResult> stream) {
        List<BenchReport.Row> streamRows() {
            return stream.map(s -> StreamBenchReport.rows(s, batch)).orElse(List.of());
        }
    }

    @Override
    public Integer call() throws Exception {
        SyntheticChainConfig chainConfig =
                SyntheticChainConfig.of(blocks, txsPerBlock, seed).withCoinbaseMaturity(coinbaseMaturity);
        StateBackend backend = StateBackend.fromCliName(stateBackend); // a typo fails now, not after the batch part
        String loadAtStart = Machine.loadAverages();
        Path dir = workDir == null ? Files.createTempDirectory("chainlake-bench-") : Files.createDirectories(workDir);
        try {
            Figures figures = run(chainConfig, dir, backend);
            BenchResult result = figures.batch();
            System.out.println();
            System.out.print(BenchReport.text(result, figures.streamRows()));
            if (record != null) {
                String command = BenchReport.shellCommand(System.getenv("CHAINLAKE_JAVA_OPTS"), "./chainlake",
                        spec.root().commandLine().getParseResult().originalArgs());
                String section = BenchReport.markdown(result, figures.streamRows(), Machine.describe(), command,
                        ZonedDateTime.now(ZoneId.of("UTC")), loadAtStart, Machine.loadAverages());
                Files.writeString(record, "\n" + section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                System.out.println("recorded in " + record);
            }
            if (result.qualityGateFailure().isPresent()) {
                System.err.println("error: a quality gate stopped jobs of the build (the figures leave them out): "
                        + result.qualityGateFailure().get());
                return 1;
            }
            return 0;
        } finally {
            if (workDir == null) {
                deleteTree(dir);
            }
        }
    }

    private Figures run(SyntheticChainConfig chainConfig, Path dir, StateBackend backend) throws Exception {
        Path blockFile = Files.createDirectories(dir.resolve("blocks")).resolve("blk00000.dat");
        ChainlakeConfig config = cli.config()
                .with(ChainlakeConfig.WAREHOUSE, dir.resolve("warehouse").toString())
                .with(ChainlakeConfig.NETWORK, Network.REGTEST.cliName());
        List<Phase> phases = new ArrayList<>();
        try (HeapSampler heap = HeapSampler.start(HeapSampler.DEFAULT_INTERVAL)) {
            PhaseMeter meter = new PhaseMeter(heap, Machine::oneMinuteLoad, Machine::processCpuSeconds);
            System.out.println("bench: generating " + chainConfig + " into " + blockFile);
            Timed<BlockFileSummary> gen = meter.measure(BenchResult.GENERATE,
                    () -> new SyntheticChain(chainConfig).writeBlockFile(blockFile));
            phases.add(gen.phase());
            BlockFileSummary chain = gen.value();
            Throughput generated = new Throughput(chain.blockCount(), chain.transactionCount(), chain.byteCount(),
                    gen.phase().seconds());
            System.out.printf("bench: %,d blocks, %,d transactions, %,d bytes in %.1f s%n", chain.blockCount(),
                    chain.transactionCount(), chain.byteCount(), gen.phase().seconds());

            phases.add(meter.measure(BenchResult.PARSE_WARM_UP,
                    () -> ParseBenchmark.readOnce(blockFile, Network.REGTEST)).phase());
            Timed<Throughput> parse = meter.measure(BenchResult.PARSE,
                    () -> ParseBenchmark.measure(blockFile, Network.REGTEST, PARSE_SECONDS));
            phases.add(parse.phase());
            long passes = parse.value().blocks() / chain.blockCount();
            if (parse.value().transactions() != passes * chain.transactionCount()) {
                throw new IllegalStateException("the reader found " + parse.value().transactions() + " transactions in "
                        + passes + " passes over " + blockFile + ", the generator wrote " + chain.transactionCount());
            }
            System.out.printf("bench: parse-only %,.0f tx/s (%d pass%s)%n", parse.value().transactionsPerSecond(),
                    passes, passes == 1 ? "" : "es");

            FreshWarehouse.recreate(config.warehouse());
            Timed<WarehouseSession> opened = meter.measure(BenchResult.SESSION, () -> WarehouseSession.batch(config));
            phases.add(opened.phase());
            LayerTimer layers;
            List<JobRun> jobs = new ArrayList<>();
            Optional<String> gateFailure;
            try (WarehouseSession session = opened.value()) {
                Timed<LoadResult> load = meter.measure(BenchResult.LOAD,
                        () -> new BlockLoader(session, Network.REGTEST, System.err::println,
                                line -> System.err.println("reject: " + line))
                                .load(List.of(blockFile), List.of(), null));
                phases.add(load.phase());
                if (load.value().blocksAdded() != chain.blockCount() || load.value().rejected() != 0) {
                    throw new IllegalStateException("load-blocks added " + load.value().blocksAdded() + " of "
                            + chain.blockCount() + " blocks and rejected " + load.value().rejected());
                }
                Set<String> headers = BatchBuild.LAYERS.stream().map(l -> l.database() + ":").collect(Collectors.toSet());
                layers = new LayerTimer(System.out::println, System::nanoTime, headers);
                Timed<Optional<String>> build = meter.measure(BenchResult.BUILD, () -> {
                    try {
                        jobs.addAll(BatchBuild.run(session, layers));
                        return Optional.<String>empty();
                    } catch (QualityGateException e) {
                        jobs.addAll(layers.jobs()); // the jobs the gate did not stop
                        return Optional.of(e.getMessage());
                    } finally {
                        layers.finish();
                    }
                });
                phases.add(build.phase());
                gateFailure = build.value();
            }
            Map<String, Long> sizes = databaseSizes(config.warehouse());
            OptionalLong batchPeakRss = Machine.peakResidentBytes(); // before the stream's cluster adds its own
            Optional<StreamBenchResult> stream = Optional.empty();
            if (streaming) {
                stream = Optional.of(new StreamBenchmark(cli.config().with(ChainlakeConfig.NETWORK,
                        Network.REGTEST.cliName()).with(ChainlakeConfig.PARALLELISM,
                        String.valueOf(streamParallelism)), dir.resolve("stream"), Duration.ofMillis(checkpointIntervalMs),
                        backend, meter, System.err::println).run(chainConfig, latencyBlocks, 1.0));
            }
            return new Figures(new BenchResult(chainConfig, generated, parse.value(), (int) passes, phases,
                    layers.seconds(), layers.qualitySeconds(), layers.qualityPlanningCpuSeconds(), jobs, Runtime.getRuntime().maxMemory(), heapFlag(),
                    batchPeakRss, sizes, gateFailure), stream);
        }
    }

    /** Bytes under each {@code <database>.db} directory of a filesystem warehouse, by database name. */
    private static Map<String, Long> databaseSizes(Path warehouse) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Layer layer : BatchBuild.LAYERS) {
            Path db = warehouse.resolve(layer.database() + ".db");
            if (Files.isDirectory(db)) {
                try (Stream<Path> walk = Files.walk(db)) {
                    sizes.put(layer.database(), walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum());
                }
            }
        }
        return sizes;
    }

    private static String heapFlag() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String flag = "default -Xmx";
        for (String arg : args) {
            if (arg.startsWith("-Xmx")) {
                flag = arg;
            }
        }
        return flag;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
