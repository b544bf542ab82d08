package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.orchestration.ChainlakeCli;
import io.chainlake.orchestration.CliRun;
import io.chainlake.orchestration.kafka.EmbeddedKafkaBroker;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance case of stream–batch unity: every bundled real block published to Kafka in a shuffled order with
 * redeliveries, streamed by a `stream` process that is killed (SIGKILL) in the middle and then restarted from its
 * last checkpoint, gives exactly the DWD, DWS and ADS rows of a batch build of the same block files.
 */
class StreamConsistencyIT {

    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    /** Block 170: the first bitcoin transaction between people (Satoshi to Hal Finney), 10 BTC. */
    private static final String BLOCK_170 = "00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee";

    @TempDir
    static Path dir;

    static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        // a broker of its own: the topics must hold exactly the blocks of this test
        kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void shuffledRedeliveredAndKilledStreamEqualsTheBatchBuild() throws Exception {
        Path heights = TestWarehouse.mainnetFile("sample-blocks-2012-2019.heights");
        List<String> files = List.of(TestWarehouse.mainnetFile("blocks-000000-000438.blk").toString(),
                TestWarehouse.mainnetFile("block-277647.blk").toString(),
                TestWarehouse.mainnetFile("sample-blocks-2012-2019.blk").toString());
        Path batch = dir.resolve("batch");
        Path streamed = dir.resolve("streamed");
        Path checkpoints = dir.resolve("checkpoints");

        List<String> load = new ArrayList<>(List.of("--warehouse", batch.toString(), "load-blocks"));
        load.addAll(files);
        load.addAll(List.of("--heights", heights.toString()));
        assertThat(CliRun.of(load.toArray(String[]::new)).exitCode()).isZero();
        CliRun build = CliRun.of("--warehouse", batch.toString(), "build");
        assertThat(build.exitCode()).as(build.err()).isZero();

        List<String> replay = new ArrayList<>(List.of("replay"));
        replay.addAll(files);
        replay.addAll(List.of("--heights", heights.toString(), "--shuffle", "7", "--duplicates", "40",
                "--bootstrap-servers", kafka.bootstrapServers()));
        CliRun published = CliRun.of(replay.toArray(String[]::new));
        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out()).contains("published 450 blocks");
        assertThat(published.err()).contains("redelivered 40 blocks");

        String[] stream = {"--warehouse", streamed.toString(), "--set", "parallelism=1", "stream", "--only", "chain",
            "--bootstrap-servers", kafka.bootstrapServers(), "--checkpoints", checkpoints.toString()};
        killMidStream(stream, checkpoints, streamed);

        String[] resume = java.util.stream.Stream.concat(java.util.Arrays.stream(stream),
                java.util.stream.Stream.of("--until-idle", "10")).toArray(String[]::new);
        CliRun resumed = CliRun.of(resume);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("stream: resumed from " + checkpoints);

        try (WarehouseRows expected = new WarehouseRows(batch); WarehouseRows actual = new WarehouseRows(streamed)) {
            for (String database : List.of("dwd", "dws", "ads")) {
                assertThat(actual.tables(database)).containsExactlyElementsOf(expected.tables(database));
                for (String table : expected.tables(database)) {
                    assertThat(actual.rows(table)).as(table).containsExactlyElementsOf(expected.rows(table));
                }
            }
            assertThat(actual.rows("dwd.btc_block"))
                    .anyMatch(r -> r.contains("block_hash=" + GENESIS) && r.contains("block_height=0,"))
                    .anyMatch(r -> r.contains("block_hash=" + BLOCK_170) && r.contains("block_height=170,"));
        }
        // the layers whose rows say how a block arrived (heights from the publisher's Kafka headers) pass the
        // same checks as a loaded warehouse
        for (String layer : List.of("ods", "dwd")) {
            CliRun checked = CliRun.of("--warehouse", streamed.toString(), "quality", "run", "--layer", layer);
            assertThat(checked.exitCode()).as(checked.out() + checked.err()).isZero();
        }
    }

    /** Runs `stream` in a child JVM and kills it without warning once it has checkpointed and DWD has committed. */
    private static void killMidStream(String[] args, Path checkpoints, Path warehouse) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChainlakeCli.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve("killed-stream.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        CheckpointStore store = new CheckpointStore(checkpoints);
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        try {
            while (!(store.latest().isPresent() && Files.isDirectory(warehouse.resolve("dwd.db/btc_tx/snapshot"))
                    && hasSnapshot(warehouse.resolve("dwd.db/btc_tx/snapshot")))) {
                assertThat(process.isAlive()).as("stream process alive; log:%n%s", Files.exists(log)
                        ? Files.readString(log) : "").isTrue();
                assertThat(System.nanoTime()).as("stream made progress within 6 minutes").isLessThan(deadline);
                Thread.sleep(500);
            }
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean hasSnapshot(Path snapshots) throws java.io.IOException {
        try (var files = Files.list(snapshots)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("snapshot-"));
        }
    }
}
