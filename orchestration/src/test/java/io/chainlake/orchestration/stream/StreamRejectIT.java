package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.orchestration.CliRun;
import io.chainlake.orchestration.kafka.ChainFixtures;
import io.chainlake.orchestration.kafka.ChainTopics;
import io.chainlake.orchestration.kafka.EmbeddedKafkaBroker;
import io.chainlake.orchestration.kafka.KafkaCluster;
import io.chainlake.orchestration.synthetic.SyntheticBlock;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on {@code btc.block}: a record that is no block at all, a block cut in half, a block whose network
 * header names another network than the warehouse's and a block whose header fails proof of work, between valid
 * regtest blocks (one of them delivered twice), become rows of ods.btc_block_reject named by topic-partition and
 * Kafka offset, and {@code reject:} lines on the stream's stderr; every valid block lands once in every layer.
 */
class StreamRejectIT {

    /** Bitcoin's block header is 80 bytes: anything shorter cannot be a block. */
    private static final byte[] GARBAGE = "not a block".getBytes(StandardCharsets.UTF_8);

    @Test
    void undecodableRecordsBecomeRejectsAtTheirOffsetsAndEveryValidBlockLandsOnce(@TempDir Path dir)
            throws Exception {
        List<SyntheticBlock> chain = new SyntheticChain(SyntheticChainConfig.of(8, 3, 11L).withCoinbaseMaturity(2))
                .stream().toList();
        Path warehouse = dir.resolve("streamed");

        // one partition, so the offsets are the publishing order: 0-3 blocks 0-3, 4 garbage, 5-6 blocks 4-5,
        // 7 block 5 again, 8 block 6 cut in half, 9-10 blocks 6-7, 11 block 7 again as a testnet3 block, 12 block 7
        // again with mainnet's bits in its header (regtest's target passes half of all hashes, mainnet's almost none)
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
            String kafka = broker.bootstrapServers();
            broker.createTopics(ChainTopics.all());
            try (ChainFixtures fixtures = new ChainFixtures(kafka, ChainTopics.BLOCK);
                    KafkaProducer<String, byte[]> raw = KafkaCluster.producer(kafka)) {
                fixtures.publish(chain.subList(0, 4));
                raw.send(new ProducerRecord<>(ChainTopics.BLOCK, "garbage", GARBAGE)).get();
                fixtures.publish(chain.subList(4, 6));
                fixtures.publish(chain.get(5));
                SyntheticBlock truncated = chain.get(6);
                raw.send(new ProducerRecord<>(ChainTopics.BLOCK, truncated.hash().toString(),
                        Arrays.copyOf(truncated.raw(), truncated.raw().length / 2))).get();
                fixtures.publish(chain.subList(6, 8));
                ProducerRecord<String, byte[]> otherNetwork = new ProducerRecord<>(ChainTopics.BLOCK,
                        chain.get(7).hash().toString(), chain.get(7).raw());
                otherNetwork.headers().add(ChainTopics.NETWORK_HEADER, "testnet3".getBytes(StandardCharsets.UTF_8));
                raw.send(otherNetwork).get();
                byte[] forged = chain.get(7).raw().clone();
                System.arraycopy(new byte[] {(byte) 0xff, (byte) 0xff, 0x00, 0x1d}, 0, forged, 72, 4); // bits
                raw.send(new ProducerRecord<>(ChainTopics.BLOCK, "forged", forged)).get();
            }

            CliRun run = CliRun.of("--warehouse", warehouse.toString(), "--set", "network=regtest", "stream",
                    "--only", "chain", "--bootstrap-servers", kafka, "--checkpoints",
                    dir.resolve("checkpoints").toString(), "--until-idle", "30"); // DWD commits late on a busy machine
            assertThat(run.exitCode()).as(run.err()).isZero();

            // stderr names topic-partition and offset of each bad record, like load-blocks names file and offset
            List<String> rejectLines = run.err().lines().filter(l -> l.startsWith("reject:")).toList();
            assertThat(rejectLines).hasSize(4);
            assertThat(rejectLines.get(0)).startsWith("reject: btc.block-0 offset 4: undecodable block: "
                    + GARBAGE.length + " bytes, a block needs 80 header bytes");
            assertThat(rejectLines.get(1)).startsWith("reject: btc.block-0 offset 8: undecodable block: ")
                    .endsWith("(kafka key " + chain.get(6).hash() + ")");
            assertThat(rejectLines.get(2)).isEqualTo("reject: btc.block-0 offset 11: block of network testnet3 (its "
                    + "network header), but this warehouse is regtest: replay it with --network regtest, or stream it "
                    + "into a warehouse of its own with --set network=testnet3 (kafka key " + chain.get(7).hash() + ")");
            assertThat(rejectLines.get(3)).startsWith("reject: btc.block-0 offset 12: proof of work fails: hash ")
                    .contains("is above the target of bits 0x1d00ffff").endsWith("(kafka key forged)");
        }

        try (WarehouseRows rows = new WarehouseRows(warehouse)) {
            List<Map<String, String>> rejects = rows.records("ods.btc_block_reject");
            assertThat(rejects).extracting(r -> r.get("source_file") + " " + r.get("source_offset"))
                    .containsExactlyInAnyOrder("btc.block-0 4", "btc.block-0 8", "btc.block-0 11", "btc.block-0 12");
            assertThat(rejects).allSatisfy(r -> assertThat(r.get("network")).isEqualTo("regtest"));
            assertThat(rejects).filteredOn(r -> List.of("4", "8").contains(r.get("source_offset"))).allSatisfy(r -> {
                assertThat(r.get("reason")).startsWith("undecodable block: ");
                assertThat(r.get("block_hash")).isEqualTo("NULL");
            });
            assertThat(rejects).filteredOn(r -> r.get("source_offset").equals("11"))
                    .extracting(r -> r.get("block_hash")).containsExactly(chain.get(7).hash().toString());
            assertThat(rejects).filteredOn(r -> r.get("source_offset").equals("4"))
                    .extracting(r -> r.get("reason")).singleElement().asString().endsWith("(kafka key garbage)");

            List<Map<String, String>> blocks = rows.records("dwd.btc_block");
            assertThat(blocks.stream().sorted(Comparator.comparing(b -> Integer.parseInt(b.get("block_height"))))
                    .map(b -> b.get("block_height") + " " + b.get("block_hash") + " " + b.get("in_main_chain")))
                    .containsExactlyElementsOf(chain.stream().map(b -> b.height() + " " + b.hash() + " true").toList());
            StreamReorgIT.assertCountsExactly(rows, chain);
        }
    }
}
