package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.orchestration.CliRun;
import io.chainlake.orchestration.kafka.ChainFixtures;
import io.chainlake.orchestration.kafka.ChainTopics;
import io.chainlake.orchestration.kafka.EmbeddedKafkaBroker;
import io.chainlake.orchestration.synthetic.BlockFileWriter;
import io.chainlake.orchestration.synthetic.SyntheticBlock;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stream} over a live-like regtest chain (a block twice, a child before its parent, then a competing branch
 * that overtakes the last three blocks) with the broker stopped and restarted between the main chain and the
 * branch: the blocks that were counted and then replaced leave every figure, and the warehouse ends equal, table by
 * table and row by row, to {@code load-blocks} + {@code build} of the same blocks. With either state backend: RocksDB
 * keeps the chain index's header tree and the joins' rows serialized, where a change made to a state object without
 * writing it back is lost (on the heap it is not); with RocksDB a second {@code stream} then resumes from the first
 * one's incremental checkpoint and changes nothing.
 */
class StreamReorgIT {

    private static final int REORG_DEPTH = 3;
    /** Deploying the one job of every layer takes a minute or more on a loaded two-core machine. */
    private static final Duration WAIT = Duration.ofMinutes(5);

    @TempDir
    static Path classDir;

    private static Path batchWarehouse;

    @ParameterizedTest(name = "--state-backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aDepthThreeReorgAndABrokerRestartMidStreamEndEqualToTheBatchBuild(String stateBackend, @TempDir Path dir)
            throws Exception {
        SyntheticChain chain = new SyntheticChain(SyntheticChainConfig.of(12, 3, 42L).withCoinbaseMaturity(2));
        ChainFixtures.Scenario live = ChainFixtures.liveLike(chain, REORG_DEPTH, 7L);
        List<SyntheticBlock> deliveries = live.deliveries();
        int firstBranchDelivery = deliveries.size() - live.branch().size();
        Path streamed = dir.resolve("streamed");
        Path kafkaDir = dir.resolve("kafka");
        Path checkpoints = dir.resolve("checkpoints");

        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir);
        String kafka = broker.bootstrapServers();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            broker.createTopics(ChainTopics.all());
            publish(kafka, deliveries.subList(0, firstBranchDelivery));
            Function<String, String[]> streamUntilIdle = seconds -> new String[] {"--warehouse", streamed.toString(),
                "--set", "network=regtest", "stream", "--only", "chain", "--parallelism", "2", "--bootstrap-servers",
                kafka, "--checkpoints", checkpoints.toString(), "--state-backend", stateBackend, "--until-idle", seconds};
            Future<CliRun> stream = runner.submit(() -> CliRun.of(streamUntilIdle.apply("30")));

            // the blocks the reorg will replace are counted first: in the block stats and in the day's figures
            List<SyntheticBlock> firstChain = live.mainChain();
            awaitCounted(streamed, firstChain, stream);

            broker.close();
            Thread.sleep(3_000);
            broker = EmbeddedKafkaBroker.start(kafkaDir, port(kafka));
            publish(kafka, deliveries.subList(firstBranchDelivery, deliveries.size()));

            CliRun run = stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("stream: idle for");

            // every layer at the branch tip, the newest block in Kafka
            CliRun status = CliRun.of("--warehouse", streamed.toString(), "status", "--bootstrap-servers", kafka,
                    "--checkpoints", checkpoints.toString());
            assertThat(status.exitCode()).as(status.err()).isZero();
            int tip = live.branch().get(live.branch().size() - 1).height();
            assertThat(status.lines().subList(1, 6))
                    .extracting(line -> line.split(",", -1)[2] + "," + line.split(",", -1)[3])
                    .containsExactly(tip + ",", tip + ",0", tip + ",0", tip + ",0", tip + ",0");
            assertThat(status.lines().get(6)).startsWith("checkpoint," + checkpoints.toAbsolutePath());

            if (stateBackend.equals("rocksdb")) { // the heap's restore is StreamConsistencyIT's, after a kill
                CliRun resumed = CliRun.of(streamUntilIdle.apply("10"));
                assertThat(resumed.exitCode()).as(resumed.err()).isZero();
                assertThat(resumed.err()).contains("stream: resumed from " + checkpoints.toAbsolutePath());
            }
        } finally {
            runner.shutdownNow();
            broker.close();
        }

        List<SyntheticBlock> best = live.bestChain();
        try (WarehouseRows rows = new WarehouseRows(streamed)) {
            List<Map<String, String>> blocks = rows.records("dwd.btc_block");
            assertThat(blocks).hasSize(live.distinctHashes().size());
            assertThat(blocks.stream().filter(b -> b.get("in_main_chain").equals("false"))
                    .map(b -> b.get("block_hash")).sorted())
                    .containsExactlyElementsOf(hashes(live.staleBlocks()).stream().sorted().toList());
            assertThat(blocks.stream().filter(b -> b.get("in_main_chain").equals("true"))
                    .sorted(Comparator.comparing(b -> Integer.parseInt(b.get("block_height"))))
                    .map(b -> b.get("block_height") + " " + b.get("block_hash")))
                    .as("every main-chain height once, with the branch's blocks above the fork")
                    .containsExactlyElementsOf(best.stream().map(b -> b.height() + " " + b.hash()).toList());
            assertCountsExactly(rows, best);
        }

        Path batch = batchBuild(live);
        try (WarehouseRows streamRows = new WarehouseRows(streamed);
                WarehouseRows batchRows = new WarehouseRows(batch)) {
            for (String layer : List.of("dwd", "dws", "ads")) {
                assertThat(streamRows.tables(layer)).isEqualTo(batchRows.tables(layer));
                for (String table : batchRows.tables(layer)) {
                    assertThat(streamRows.rows(table)).as(table).isEqualTo(batchRows.rows(table));
                }
            }
        }
    }

    /** Waits until the block stats and the day's figures cover exactly {@code chain}. */
    private static void awaitCounted(Path warehouse, List<SyntheticBlock> chain, Future<CliRun> stream)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (WarehouseRows rows = new WarehouseRows(warehouse)) {
            while (true) {
                if (stream.isDone()) {
                    throw new AssertionError("stream ended early: " + stream.get().err());
                }
                try {
                    assertCountsExactly(rows, chain);
                    return;
                } catch (AssertionError notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                }
                Thread.sleep(1_000);
            }
        }
    }

    /**
     * dws.btc_block_stats holds one row per block of {@code chain} by height, and dws.btc_chain_day (all blocks are
     * on 2024-01-01, ten minutes apart) counts exactly those blocks and their transactions.
     */
    static void assertCountsExactly(WarehouseRows rows, List<SyntheticBlock> chain) throws Exception {
        assertThat(rows.records("dws.btc_block_stats").stream()
                .sorted(Comparator.comparing(r -> Integer.parseInt(r.get("height"))))
                .map(r -> r.get("height") + " " + r.get("blockhash") + " " + r.get("txs")))
                .containsExactlyElementsOf(
                        chain.stream().map(b -> b.height() + " " + b.hash() + " " + b.transactionCount()).toList());
        long transactions = chain.stream().mapToLong(SyntheticBlock::transactionCount).sum();
        assertThat(rows.records("dws.btc_chain_day"))
                .extracting(r -> r.get("dt") + " " + r.get("block_count") + " " + r.get("tx_count"))
                .containsExactly("2024-01-01 " + chain.size() + " " + transactions);
    }

    /**
     * load-blocks and build of every distinct block delivered, from one regtest block file; built once for both
     * state backends (the scenario is the same: fixed seeds).
     */
    private static synchronized Path batchBuild(ChainFixtures.Scenario live) throws Exception {
        if (batchWarehouse == null) {
            batchWarehouse = buildBatch(classDir, live);
        }
        return batchWarehouse;
    }

    private static Path buildBatch(Path dir, ChainFixtures.Scenario live) throws Exception {
        Path file = Files.createDirectories(dir.resolve("blocks")).resolve("blk00000.dat");
        List<SyntheticBlock> blocks = new ArrayList<>(live.mainChain());
        blocks.addAll(live.branch());
        try (BlockFileWriter writer = new BlockFileWriter(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (SyntheticBlock b : blocks) {
                writer.write(b.raw());
            }
        }
        Path warehouse = dir.resolve("batch");
        CliRun load = CliRun.of("--warehouse", warehouse.toString(), "--set", "network=regtest", "load-blocks",
                "--network", "regtest", file.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).startsWith("loaded " + blocks.size() + " new blocks");
        CliRun build = CliRun.of("--warehouse", warehouse.toString(), "--set", "network=regtest", "build");
        assertThat(build.exitCode()).as(build.err()).isZero();
        return warehouse;
    }

    private static void publish(String kafka, List<SyntheticBlock> blocks) {
        try (ChainFixtures fixtures = new ChainFixtures(kafka, ChainTopics.BLOCK)) {
            fixtures.publish(blocks);
        }
    }

    private static List<String> hashes(List<SyntheticBlock> blocks) {
        return blocks.stream().map(b -> b.hash().toString()).toList();
    }

    private static int port(String bootstrapServers) {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }
}
