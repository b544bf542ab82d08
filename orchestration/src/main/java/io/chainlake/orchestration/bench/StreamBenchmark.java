package io.chainlake.orchestration.bench;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.dwd.chain.ChainIndexer;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.orchestration.bench.PhaseMeter.Timed;
import io.chainlake.orchestration.kafka.ChainTopics;
import io.chainlake.orchestration.kafka.EmbeddedKafkaBroker;
import io.chainlake.orchestration.kafka.KafkaCluster;
import io.chainlake.orchestration.stream.CheckpointStore;
import io.chainlake.orchestration.stream.IdleWatch;
import io.chainlake.orchestration.stream.StateBackend;
import io.chainlake.orchestration.stream.StreamProgress;
import io.chainlake.orchestration.stream.StreamDomain;
import io.chainlake.orchestration.stream.StreamingPipeline;
import io.chainlake.orchestration.synthetic.SyntheticBlock;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.table.Table;

/**
 * The streaming part of {@code ./chainlake bench --streaming}: the bench chain through an in-process Kafka broker
 * and the {@link StreamingPipeline} (Kafka → ODS → DWD → DWS → ADS), on its own warehouse.
 *
 * <ol>
 *   <li>Deploy: start the streaming job on empty topics and wait for its first checkpoint (every task running).
 *   <li>Throughput: publish the bench chain's blocks at once and stream them until the last one is readable in
 *       ADS and the stream is idle ({@link IdleWatch}); the rate is over the time from the first publish to the
 *       later of the two (the last table commit).
 *   <li>Latency: publish more blocks extending the same chain at a steady rate, each stamped with its publish
 *       time, and poll for its row in {@code dws.btc_block_stats} (one row per block) and for
 *       {@code ads.difficulty_epoch.last_height} reaching its height (ADS has no table with a row per block; the
 *       epoch row is rewritten by every block, so it is the closest per-block ADS signal).
 * </ol>
 */
public final class StreamBenchmark {

    /** How long after its publish a latency block may take to reach ADS before it counts as unseen. */
    static final Duration LATENCY_WAIT = Duration.ofSeconds(120);

    private static final long POLL_MILLIS = 100;
    private static final String GROUP_ID = "chainlake-bench";

    private final ChainlakeConfig config;
    private final Path dir;
    private final Duration checkpointInterval;
    private final StateBackend stateBackend;
    private final PhaseMeter meter;
    private final Consumer<String> messages;

    /**
     * @param config the bench's configuration (overrides included); its warehouse is replaced by one under
     *               {@code dir}
     * @param dir    folder for the broker's log, the checkpoints and the streamed warehouse
     */
    public StreamBenchmark(ChainlakeConfig config, Path dir, Duration checkpointInterval, StateBackend stateBackend,
            PhaseMeter meter, Consumer<String> messages) {
        this.config = config.with(ChainlakeConfig.WAREHOUSE, dir.resolve("warehouse").toString());
        this.dir = dir;
        this.checkpointInterval = checkpointInterval;
        this.stateBackend = stateBackend;
        this.meter = meter;
        this.messages = messages;
    }

    /**
     * Streams {@code chain} (the blocks the batch part built), then {@code latencyBlocks} more of the same chain at
     * {@code blocksPerSecond}.
     */
    public StreamBenchResult run(SyntheticChainConfig chain, int latencyBlocks, double blocksPerSecond)
            throws Exception {
        SyntheticChainConfig extended = new SyntheticChainConfig(chain.blockCount() + latencyBlocks,
                chain.transactionsPerBlock(), chain.seed(), chain.startTime(), chain.blockInterval(),
                chain.coinbaseMaturity());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(ChainTopics.all());
            ChainlakeConfig streamConfig = config
                    .with(ChainlakeConfig.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .with(ChainlakeConfig.KAFKA_GROUP_ID, GROUP_ID);
            StreamingPipeline.Options options = new StreamingPipeline.Options(checkpointInterval,
                    new CheckpointStore(dir.resolve("checkpoints")), false, java.util.EnumSet.of(StreamDomain.CHAIN),
                    stateBackend);
            messages.accept("bench: starting the streaming job (checkpoint interval " + checkpointInterval.toMillis()
                    + " ms, state backend " + stateBackend.cliName() + ")");
            Timed<StreamingPipeline> deployed = meter.measure("stream deploy", () -> {
                StreamingPipeline p = StreamingPipeline.start(streamConfig, options, messages);
                awaitFirstCheckpoint(p);
                return p;
            });
            try (StreamingPipeline pipeline = deployed.value();
                    Admin admin = KafkaCluster.admin(broker.bootstrapServers());
                    KafkaProducer<String, byte[]> producer = KafkaCluster.producer(broker.bootstrapServers())) {
                Catalog catalog = pipeline.session().paimonCatalog();
                ChainWatch watch = ChainWatch.of(catalog);
                StreamProgress progress = new StreamProgress(admin, GROUP_ID, List.of(ChainTopics.BLOCK), catalog,
                        pipeline.tables());
                // generated before the clock starts: the rate is the stream's, not the generator's
                List<SyntheticBlock> backlogBlocks = new ArrayList<>();
                List<SyntheticBlock> latencyRun = new ArrayList<>();
                new SyntheticChain(extended).forEach(b -> (b.height() < chain.blockCount() ? backlogBlocks : latencyRun)
                        .add(b));
                long transactions = backlogBlocks.stream().mapToLong(SyntheticBlock::transactionCount).sum();
                long bytes = backlogBlocks.stream().mapToLong(b -> b.raw().length).sum();
                long firstPublish = System.nanoTime();
                double[] publishSeconds = new double[1];
                Timed<Long> backlog = meter.measure("stream backlog", () -> {
                    backlogBlocks.forEach(b -> producer.send(record(b)));
                    producer.flush();
                    publishSeconds[0] = (System.nanoTime() - firstPublish) / 1e9;
                    messages.accept(String.format(Locale.ROOT, "bench: published %,d blocks in %.1f s; streaming",
                            chain.blockCount(), publishSeconds[0]));
                    long lastBlockInAds = awaitBlockInAds(watch, backlogBlocks.get(backlogBlocks.size() - 1),
                            pipeline);
                    IdleWatch.Idle idle = new IdleWatch(pipeline, progress, messages)
                            .await(IdleWatch.minimumQuiet(ChainIndexer.HOLD_MILLIS, checkpointInterval), c -> { });
                    // idle can be declared while a layer still reads its input under heavy load: the last block in
                    // ADS is the end too
                    return Math.max(lastBlockInAds, idle.lastChangeNanos());
                });
                Throughput streamed = new Throughput(chain.blockCount(), transactions, bytes,
                        (backlog.value() - firstPublish) / 1e9);
                long blockStatsRows = watch.dws().current().size();
                messages.accept(String.format(Locale.ROOT, "bench: streamed %,.1f blocks/s, %,.0f tx/s; now %d "
                        + "blocks at %.1f per second for latency", streamed.blocksPerSecond(),
                        streamed.transactionsPerSecond(), latencyBlocks, blocksPerSecond));
                Map<Integer, double[]> seen = new LinkedHashMap<>();
                Timed<List<Integer>> latency = meter.measure("stream latency",
                        () -> measureLatency(producer, watch, latencyRun, blocksPerSecond, seen));
                List<Double> toDws = new ArrayList<>();
                List<Double> toAds = new ArrayList<>();
                seen.values().forEach(ms -> {
                    if (!Double.isNaN(ms[0])) {
                        toDws.add(ms[0]);
                    }
                    if (!Double.isNaN(ms[1])) {
                        toAds.add(ms[1]);
                    }
                });
                return new StreamBenchResult(checkpointInterval, deployed.phase(), backlog.phase(), streamed,
                        publishSeconds[0], blockStatsRows, latency.phase(), blocksPerSecond, latencyRun.size(),
                        latencies(toDws), latencies(toAds), latency.value(), pipeline.checkpointTimes());
            }
        }
    }

    /**
     * Publishes one block every {@code 1 / blocksPerSecond} seconds and polls both tables in between; fills
     * {@code seen} with each height's latency to DWS and to ADS in milliseconds (NaN until seen) and returns the
     * heights that did not reach ADS within {@link #LATENCY_WAIT} of their publish.
     */
    private static List<Integer> measureLatency(KafkaProducer<String, byte[]> producer, ChainWatch watch,
            List<SyntheticBlock> blocks, double blocksPerSecond, Map<Integer, double[]> seen) throws Exception {
        long interval = Math.round(1e9 / blocksPerSecond);
        long start = System.nanoTime();
        Map<Integer, Long> publishedAt = new LinkedHashMap<>();
        Map<Integer, String> hashes = new LinkedHashMap<>();
        int next = 0;
        while (true) {
            long now = System.nanoTime();
            if (next < blocks.size() && now >= start + next * interval) {
                SyntheticBlock block = blocks.get(next++);
                publishedAt.put(block.height(), System.nanoTime());
                hashes.put(block.height(), block.hash().toString());
                seen.put(block.height(), new double[] {Double.NaN, Double.NaN});
                producer.send(record(block)).get(); // acknowledged: readable by the stream's consumer
            }
            Set<String> inDws = watch.dws().current();
            int adsHeight = watch.ads().current();
            long polled = System.nanoTime();
            boolean waiting = next < blocks.size();
            for (var e : publishedAt.entrySet()) {
                double[] ms = seen.get(e.getKey());
                if (Double.isNaN(ms[0]) && inDws.contains(hashes.get(e.getKey()))) {
                    ms[0] = (polled - e.getValue()) / 1e6;
                }
                if (Double.isNaN(ms[1]) && adsHeight >= e.getKey()) {
                    ms[1] = (polled - e.getValue()) / 1e6;
                }
                boolean late = polled - e.getValue() > LATENCY_WAIT.toNanos();
                waiting |= (Double.isNaN(ms[0]) || Double.isNaN(ms[1])) && !late;
            }
            if (!waiting) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return seen.entrySet().stream().filter(e -> Double.isNaN(e.getValue()[1])).map(Map.Entry::getKey).toList();
    }

    private static Optional<Latencies> latencies(List<Double> millis) {
        return millis.isEmpty() ? Optional.empty() : Optional.of(new Latencies(millis));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(SyntheticBlock block) {
        return ChainTopics.record(ChainTopics.BLOCK, block.hash().toString(), block.raw(), Network.REGTEST.cliName(),
                block.height(), System.currentTimeMillis());
    }

    /** Waits until {@code block} is in {@code dws.btc_block_stats} and {@code ads.difficulty_epoch}; its nanoTime. */
    private static long awaitBlockInAds(ChainWatch watch, SyntheticBlock block, StreamingPipeline pipeline)
            throws Exception {
        while (!(watch.ads().current() >= block.height()
                && watch.dws().current().contains(block.hash().toString()))) {
            if (pipeline.job().getJobStatus().get().isGloballyTerminalState()) {
                pipeline.job().getJobExecutionResult().get(); // throws the job's failure
                throw new IllegalStateException("the streaming job ended before block " + block.height()
                        + " reached ADS");
            }
            Thread.sleep(POLL_MILLIS);
        }
        return System.nanoTime();
    }

    /** Waits until the job has completed a checkpoint: every task is running and has seen its first barrier. */
    static void awaitFirstCheckpoint(StreamingPipeline pipeline) throws Exception {
        while (pipeline.completedCheckpoints() < 1) {
            if (pipeline.job().getJobStatus().get().isGloballyTerminalState()) {
                pipeline.job().getJobExecutionResult().get(); // throws the job's failure
                throw new IllegalStateException("the streaming job ended before its first checkpoint");
            }
            Thread.sleep(500);
        }
    }

    /** Block hashes in {@code dws.btc_block_stats} now. */
    /** {@code dws.btc_block_stats}: the hash of every block with a row. */
    static Set<String> blockHashes(Table blockStats) {
        Set<String> hashes = new HashSet<>();
        TableWatch.readColumns(blockStats, List.of("blockhash"), row -> hashes.add(row.getString(0).toString()));
        return hashes;
    }

    /** {@code ads.difficulty_epoch}: the highest {@code last_height}, -1 while empty. */
    static int lastHeight(Table difficultyEpoch) {
        int[] max = {-1};
        TableWatch.readColumns(difficultyEpoch, List.of("last_height"), row -> {
            if (!row.isNullAt(0)) {
                max[0] = Math.max(max[0], row.getInt(0));
            }
        });
        return max[0];
    }

    /** The two tables the bench watches for a block: its DWS row and the ADS epoch reaching its height. */
    private record ChainWatch(TableWatch<Set<String>> dws, TableWatch<Integer> ads) {
        static ChainWatch of(Catalog catalog) throws Exception {
            return new ChainWatch(TableWatch.of(catalog, "dws.btc_block_stats", StreamBenchmark::blockHashes),
                    TableWatch.of(catalog, "ads.difficulty_epoch", StreamBenchmark::lastHeight));
        }
    }
}
