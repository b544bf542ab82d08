package io.chainlake.orchestration.kafka;

import io.chainlake.orchestration.CliRun;

import static io.chainlake.orchestration.kafka.KafkaRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code ./chainlake replay} against a real broker, read back with a plain consumer. Golden values: data/README.md. */
@ExtendWith(SharedKafka.class)
class ReplayIT {

    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    private static final String BLOCK_277647 = "0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void replaysTheFirst439MainnetBlocksInOrderWithHeightsFromTheGenesisBlock() {
        String kafka = SharedKafka.bootstrapServers();
        long from = KafkaRecords.endOffset(kafka, ChainTopics.BLOCK);

        CliRun run = CliRun.of("replay", TestWarehouse.mainnetFile("blocks-000000-000438.blk").toString(),
                "--bootstrap-servers", kafka);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("published 439 blocks (0 mempool transactions) to btc.block at " + kafka + "\n");
        List<ConsumerRecord<String, byte[]>> blocks = KafkaRecords.readFrom(kafka, ChainTopics.BLOCK, from, 439, WAIT);
        assertThat(blocks).hasSize(439);
        assertThat(blocks.get(0).key()).isEqualTo(GENESIS);
        assertThat(blocks.get(0).value()).hasSize(285);
        for (int h = 0; h < 439; h++) {
            ConsumerRecord<String, byte[]> r = blocks.get(h);
            assertThat(header(r, ChainTopics.HEIGHT_HEADER)).isEqualTo(String.valueOf(h));
            assertThat(header(r, ChainTopics.NETWORK_HEADER)).isEqualTo("main");
            assertThat(r.key()).isEqualTo(Block.read(ByteBuffer.wrap(r.value())).getHashAsString());
        }
    }

    @Test
    void mempoolReplayPublishesBlock277647sTransactionsBeforeTheBlock() throws IOException {
        String kafka = SharedKafka.bootstrapServers();
        long blocksFrom = KafkaRecords.endOffset(kafka, ChainTopics.BLOCK);
        long txFrom = KafkaRecords.endOffset(kafka, ChainTopics.MEMPOOL_TX);
        Path file = TestWarehouse.mainnetFile("block-277647.blk");

        CliRun run = CliRun.of("replay", file.toString(), "--mempool", "--mempool-lead", "0.2",
                "--bootstrap-servers", kafka);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("published 1 blocks (212 mempool transactions) to btc.block at ");
        List<ConsumerRecord<String, byte[]>> txs =
                KafkaRecords.readFrom(kafka, ChainTopics.MEMPOOL_TX, txFrom, 212, WAIT);
        List<ConsumerRecord<String, byte[]>> blocks =
                KafkaRecords.readFrom(kafka, ChainTopics.BLOCK, blocksFrom, 1, WAIT);
        assertThat(blocks).hasSize(1);
        ConsumerRecord<String, byte[]> block = blocks.get(0);
        assertThat(block.key()).isEqualTo(BLOCK_277647);
        assertThat(header(block, ChainTopics.HEIGHT_HEADER)).isEqualTo("277647");

        // bitcoinj's reading of the block file, independent of the replay's slicing
        byte[] record = Files.readAllBytes(file);
        Block parsed = Block.read(ByteBuffer.wrap(Arrays.copyOfRange(record, 8, record.length)));
        List<Transaction> expected = parsed.getTransactions().subList(1, parsed.getTransactions().size());
        assertThat(txs).hasSize(212);
        assertThat(txs).extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(expected.stream().map(t -> t.getTxId().toString()).toList());
        for (int i = 0; i < txs.size(); i++) {
            ConsumerRecord<String, byte[]> tx = txs.get(i);
            assertThat(tx.value()).isEqualTo(expected.get(i).serialize());
            assertThat(tx.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
            assertThat(tx.timestamp()).isLessThanOrEqualTo(block.timestamp() - 200);
        }
    }

    @Test
    void noBrokerAtTheAddressIsOneClearError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("replay", TestWarehouse.mainnetFile("block-277647.blk").toString(),
                "--bootstrap-servers", "127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("waiting for a Kafka broker at 127.0.0.1:" + port)
                .contains("error: no Kafka broker answers at 127.0.0.1:" + port + " (waited 20 s)");
    }
}
