package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.ods.blockfile.HeightsFile;
import io.chainlake.ods.blockfile.Network;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay engine against a mock producer and a clock that does not sleep. Golden values: data/README.md. */
class BlockReplayTest {

    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    /** Block 1, as every explorer shows it. */
    private static final String BLOCK_1 = "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048";
    private static final String BLOCK_277647 = "0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8";
    /** Block 170's payment from Satoshi to Hal Finney, the first non-coinbase transaction. */
    private static final String FIRST_PAYMENT = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

    private static final Path FIRST_439 = TestWarehouse.mainnetFile("blocks-000000-000438.blk");
    private static final Path BLOCK_277647_FILE = TestWarehouse.mainnetFile("block-277647.blk");
    private static final Path SAMPLES = TestWarehouse.mainnetFile("sample-blocks-2012-2019.blk");

    @TempDir
    Path dir;

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final FakeClock clock = new FakeClock();
    private final List<String> messages = new ArrayList<>();

    private BlockReplay.Result replay(BlockReplay.Options options, Path... files) throws Exception {
        return new BlockReplay(producer, options, clock, messages::add).replay(List.of(files));
    }

    private static BlockReplay.Options plain(Map<String, Integer> heights) {
        return new BlockReplay.Options(Network.MAIN, heights, 0, false, Duration.ZERO);
    }

    private static BlockReplay.Options mempool(Duration lead) {
        return new BlockReplay.Options(Network.MAIN, Map.of(), 0, true, lead);
    }

    @Test
    void publishesTheFirst439BlocksInOrderKeyedByHashWithHeightsFromTheGenesisBlock() throws Exception {
        BlockReplay.Result r = replay(plain(Map.of()), FIRST_439);

        assertThat(r).isEqualTo(new BlockReplay.Result(439, 0, 0, 0));
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize(439).allSatisfy(rec -> {
            assertThat(rec.topic()).isEqualTo(ChainTopics.BLOCK);
            assertThat(header(rec, ChainTopics.NETWORK_HEADER)).isEqualTo("main");
            String headerHash = Sha256Hash.wrapReversed(Sha256Hash.hashTwice(rec.value(), 0, 80)).toString();
            assertThat(rec.key()).isEqualTo(headerHash);
        });
        assertThat(sent.get(0).key()).isEqualTo(GENESIS);
        assertThat(sent.get(0).value()).hasSize(285); // the genesis block's serialized size
        assertThat(sent.get(1).key()).isEqualTo(BLOCK_1);
        for (int h = 0; h < 439; h++) {
            assertThat(header(sent.get(h), ChainTopics.HEIGHT_HEADER)).isEqualTo(String.valueOf(h));
        }
    }

    @Test
    void mempoolTransactionsGoOutTheLeadTimeBeforeTheirBlock() throws Exception {
        BlockReplay.Result r = replay(mempool(Duration.ofSeconds(2)), FIRST_439);

        // 446 transactions in 439 blocks: 7 are not coinbases
        assertThat(r).isEqualTo(new BlockReplay.Result(439, 7, 0, 0));
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        ProducerRecord<String, byte[]> payment = sent.stream().filter(p -> p.key().equals(FIRST_PAYMENT)).findFirst()
                .orElseThrow();
        assertThat(payment.topic()).isEqualTo(ChainTopics.MEMPOOL_TX);
        assertThat(Sha256Hash.wrapReversed(Sha256Hash.hashTwice(payment.value())).toString()).isEqualTo(FIRST_PAYMENT);
        ProducerRecord<String, byte[]> block170 = sent.stream()
                .filter(p -> p.topic().equals(ChainTopics.BLOCK) && "170".equals(header(p, ChainTopics.HEIGHT_HEADER)))
                .findFirst().orElseThrow();
        assertThat(sent.indexOf(payment)).isLessThan(sent.indexOf(block170));
        assertThat(block170.timestamp() - payment.timestamp()).isGreaterThanOrEqualTo(2000);
        assertThat(sent.stream().filter(p -> p.topic().equals(ChainTopics.BLOCK)))
                .extracting(p -> header(p, ChainTopics.HEIGHT_HEADER))
                .containsExactlyElementsOf(IntStream.range(0, 439).mapToObj(String::valueOf).toList());
    }

    @Test
    void block277647HasItsBip34HeightAnd212MempoolTransactionsBeforeIt() throws Exception {
        BlockReplay.Result r = replay(mempool(Duration.ofMillis(500)), BLOCK_277647_FILE);

        assertThat(r).isEqualTo(new BlockReplay.Result(1, 212, 0, 0));
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize(213);
        assertThat(sent.subList(0, 212)).allSatisfy(p -> {
            assertThat(p.topic()).isEqualTo(ChainTopics.MEMPOOL_TX);
            assertThat(p.timestamp()).isLessThanOrEqualTo(sent.get(212).timestamp() - 500);
        });
        assertThat(sent.subList(0, 212)).extracting(ProducerRecord::key).doesNotHaveDuplicates();
        ProducerRecord<String, byte[]> block = sent.get(212);
        assertThat(block.key()).isEqualTo(BLOCK_277647);
        assertThat(header(block, ChainTopics.HEIGHT_HEADER)).isEqualTo("277647");
        // the transactions are the block's bytes after header, count and coinbase, in order
        byte[] raw = Files.readAllBytes(BLOCK_277647_FILE);
        int txBytes = sent.subList(0, 212).stream().mapToInt(p -> p.value().length).sum();
        assertThat(Arrays.copyOfRange(raw, raw.length - txBytes, raw.length))
                .isEqualTo(concat(sent.subList(0, 212)));
    }

    @Test
    void mempoolRecordsOfSegwitBlocksAreKeyedByTxidNotWtxid() throws Exception {
        BlockReplay.Result r = replay(mempool(Duration.ofSeconds(1)), SAMPLES);

        // 10,924 transactions in 10 blocks; 481829, 540107 and 574200 hold SegWit transactions
        assertThat(r.mempoolTransactions()).isEqualTo(10_914);
        List<ProducerRecord<String, byte[]>> txs = producer.history().stream()
                .filter(p -> p.topic().equals(ChainTopics.MEMPOOL_TX)).toList();
        assertThat(txs).hasSize(10_914);
        boolean witnesses = false;
        for (ProducerRecord<String, byte[]> p : txs) {
            Transaction tx = Transaction.read(ByteBuffer.wrap(p.value()));
            assertThat(p.key()).isEqualTo(tx.getTxId().toString());
            witnesses |= tx.hasWitnesses();
        }
        assertThat(witnesses).as("some transaction has witnesses").isTrue();
    }

    @Test
    void rateSpacesBlocksEvenly() throws Exception {
        replay(new BlockReplay.Options(Network.MAIN, Map.of(), 10, false, Duration.ZERO), FIRST_439);

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).timestamp() - sent.get(i - 1).timestamp()).as("gap before block %d", i)
                    .isEqualTo(100);
        }
    }

    @Test
    void heightsComeFromTheHeightsFileForBlocksWithoutBip34() throws Exception {
        Path heights = TestWarehouse.mainnetFile("sample-blocks-2012-2019.heights");
        replay(plain(HeightsFile.read(heights)), SAMPLES);
        List<String> expected = List.of("169482", "227835", "227836", "363703", "370661", "383616", "481815",
                "481829", "540107", "574200");
        assertThat(producer.history()).extracting(p -> header(p, ChainTopics.HEIGHT_HEADER))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aBlockWithoutParentBip34OrHeightsLineHasNoHeightHeader() throws Exception {
        replay(plain(Map.of()), SAMPLES);
        // 169482 (February 2012) predates BIP34: version 1, no height in its coinbase
        assertThat(producer.history().get(0).key())
                .isEqualTo("0000000000000756935f1ee9d5987857b604046f846d3df56d024cdb5f368665");
        assertThat(header(producer.history().get(0), ChainTopics.HEIGHT_HEADER)).isNull();
        assertThat(header(producer.history().get(9), ChainTopics.HEIGHT_HEADER)).isEqualTo("574200");
    }

    @Test
    void aBlockFoundTwiceIsPublishedOnceAndBadBytesAreSkippedWithALine() throws Exception {
        byte[] record = Files.readAllBytes(BLOCK_277647_FILE);
        Path file = dir.resolve("blk00000.dat");
        Files.write(file, concat(record, "garbage!".getBytes(StandardCharsets.US_ASCII), record));

        BlockReplay.Result r = replay(plain(Map.of()), file);

        assertThat(r).isEqualTo(new BlockReplay.Result(1, 0, 1, 1));
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly(BLOCK_277647);
        assertThat(messages)
                .anyMatch(m -> m.startsWith("skipped: blk00000.dat offset " + record.length + ": wrong magic"));
    }

    @Test
    void aFileWithoutBlocksIsAnError() throws Exception {
        Path file = Files.write(dir.resolve("empty.dat"), new byte[100]);
        assertThatThrownBy(() -> replay(plain(Map.of()), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no block found");
    }

    @Test
    void aRefusedRecordStopsTheReplayWithTheTopicAndKey() {
        var failing = new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> rec, Callback callback) {
                RecordTooLargeException e = new RecordTooLargeException("too large");
                callback.onCompletion(null, e);
                return CompletableFuture.failedFuture(e);
            }
        };
        assertThatThrownBy(() -> new BlockReplay(failing, plain(Map.of()), clock, messages::add)
                .replay(List.of(BLOCK_277647_FILE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("publishing " + BLOCK_277647 + " to btc.block failed: too large");
    }

    private static String header(ProducerRecord<String, byte[]> rec, String name) {
        Header h = rec.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] concat(List<ProducerRecord<String, byte[]>> records) {
        return concat(records.stream().map(ProducerRecord::value).toArray(byte[][]::new));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Time that moves only when the replay sleeps. */
    private static final class FakeClock implements BlockReplay.Clock {
        private long nanos;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long currentTimeMillis() {
            return 1_700_000_000_000L + nanos / 1_000_000;
        }

        @Override
        public void sleepUntil(long nanoTime) {
            nanos = Math.max(nanos, nanoTime);
        }
    }
}
