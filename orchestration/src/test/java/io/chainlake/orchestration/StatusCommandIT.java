package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} over a broker holding a 12-block regtest chain (heights 0..11) and a warehouse whose ODS holds
 * only the first 8 blocks (load-blocks, no build yet): Kafka is at 11, ODS at 7 and 4 behind, the layers above
 * have nothing yet, and the newest checkpoint is the one whose metadata was written last.
 */
class StatusCommandIT {

    @Test
    void showsEachLayersHeightItsLagBehindKafkaAndTheNewestCheckpoint(@TempDir Path dir) throws Exception {
        List<SyntheticBlock> chain = new SyntheticChain(SyntheticChainConfig.of(12, 2, 5L)).stream().toList();
        Path blockFile = dir.resolve("blk00000.dat");
        try (BlockFileWriter writer = new BlockFileWriter(new BufferedOutputStream(Files.newOutputStream(blockFile)))) {
            for (SyntheticBlock b : chain.subList(0, 8)) {
                writer.write(b.raw());
            }
        }
        String warehouse = dir.resolve("warehouse").toString();
        CliRun load = CliRun.of("--warehouse", warehouse, "load-blocks", "--network", "regtest", blockFile.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        Path checkpoints = dir.resolve("checkpoints");
        Instant older = Instant.parse("2026-01-02T03:04:05Z");
        Instant newer = Instant.parse("2026-01-02T03:04:06Z");
        checkpoint(checkpoints.resolve("job-a/chk-9"), newer);
        checkpoint(checkpoints.resolve("job-b/chk-12"), older);
        Files.createDirectories(checkpoints.resolve("job-b/chk-13")); // being written: no metadata yet

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(ChainTopics.all());
            try (ChainFixtures fixtures = new ChainFixtures(broker.bootstrapServers(), ChainTopics.BLOCK)) {
                fixtures.publish(chain);
                fixtures.publish(List.of(chain.get(3))); // a late redelivery: the last record is not the newest block
            }
            CliRun status = CliRun.of("--warehouse", warehouse, "status",
                    "--bootstrap-servers", broker.bootstrapServers(), "--checkpoints", checkpoints.toString());

            assertThat(status.exitCode()).as(status.err()).isZero();
            List<String> lines = status.lines();
            assertThat(lines).hasSize(7);
            assertThat(lines.get(0)).isEqualTo("layer,source,latest_height,lag_blocks,updated_at");
            assertThat(lines.get(1)).startsWith("kafka,btc.block@" + broker.bootstrapServers() + ",11,,");
            assertThat(lines.get(2)).startsWith("ods,ods.btc_block_raw,7,4,20");
            assertThat(lines.subList(3, 6)).containsExactly(
                    "dwd,dwd.btc_block,,,", "dws,dws.btc_block_stats,,,", "ads,ads.chain_daily_report,,,");
            assertThat(lines.get(6)).isEqualTo("checkpoint," + checkpoints.resolve("job-a/chk-9").toAbsolutePath()
                    + ",,," + newer);
        }
    }

    @Test
    void noBrokerLeavesKafkaAndTheLagsEmpty(@TempDir Path dir) throws Exception {
        CliRun status = CliRun.of("--warehouse", dir.resolve("warehouse").toString(), "status",
                "--bootstrap-servers", "127.0.0.1:1", "--checkpoints", dir.resolve("none").toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.lines()).containsExactly(
                "layer,source,latest_height,lag_blocks,updated_at",
                "kafka,btc.block@127.0.0.1:1,,,",
                "ods,ods.btc_block_raw,,,",
                "dwd,dwd.btc_block,,,",
                "dws,dws.btc_block_stats,,,",
                "ads,ads.chain_daily_report,,,",
                "checkpoint," + dir.resolve("none").toAbsolutePath() + ",,,");
    }

    private static void checkpoint(Path chk, Instant written) throws Exception {
        Path metadata = Files.createDirectories(chk).resolve("_metadata");
        Files.writeString(metadata, "x");
        Files.setLastModifiedTime(metadata, FileTime.from(written));
    }
}
