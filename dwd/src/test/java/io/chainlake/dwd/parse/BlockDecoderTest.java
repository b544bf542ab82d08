package io.chainlake.dwd.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.dwd.CpuThroughput;
import io.chainlake.dwd.MainnetBlocks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.Test;

class BlockDecoderTest {

    private static final String NULL_TXID = "0".repeat(64);

    private final BlockDecoder decoder = new BlockDecoder(BitcoinNetwork.MAINNET);

    @Test
    void genesisBlock() {
        DecodedBlock genesis = decoder.decode(MainnetBlocks.read(MainnetBlocks.FIRST_439).get(0));

        // Bitcoin Core chainparams.cpp: genesis hash and merkle root (= the coinbase txid); data/README.md
        assertThat(genesis.blockHash()).isEqualTo("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        assertThat(genesis.transactions()).hasSize(1);
        DecodedTransaction coinbase = genesis.transactions().get(0);
        assertThat(coinbase.txid()).isEqualTo("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");
        assertThat(coinbase.wtxid()).isEqualTo(coinbase.txid());
        assertThat(coinbase.txIndex()).isZero();
        assertThat(coinbase.coinbase()).isTrue();
        assertThat(coinbase.hasWitness()).isFalse();
        assertThat(coinbase.version()).isEqualTo(1);
        assertThat(coinbase.locktime()).isZero();
        // getrawtransaction of the genesis coinbase (e.g. mempool.space): size 204, weight 816, vsize 204
        assertThat(coinbase.size()).isEqualTo(204);
        assertThat(coinbase.strippedSize()).isEqualTo(204);
        assertThat(coinbase.weight()).isEqualTo(816);
        assertThat(coinbase.vsize()).isEqualTo(204);
        assertThat(coinbase.rbfSignaling()).isFalse();
        assertThat(coinbase.outputValueSat()).isEqualTo(5_000_000_000L);

        DecodedInput input = coinbase.inputs().get(0);
        assertThat(input.prevTxid()).isEqualTo(NULL_TXID);
        assertThat(input.prevVout()).isEqualTo(4294967295L);
        assertThat(input.sequence()).isEqualTo(0xffffffffL);
        assertThat(input.scriptSigHex()).startsWith("04ffff001d0104455468652054696d6573");
        assertThat(input.witnessItems()).isEmpty();

        DecodedOutput output = coinbase.outputs().get(0);
        assertThat(output.scriptType()).isEqualTo(ScriptType.PUBKEY);
        assertThat(output.address()).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(output.scriptPubKeyHex()).startsWith("4104678afdb0fe").endsWith("ac");
    }

    @Test
    void firstPaymentInBlock170() {
        // data/README.md; the transaction as every block explorer shows it (Satoshi to Hal Finney)
        DecodedBlock block = decoder.decode(MainnetBlocks.read(MainnetBlocks.FIRST_439).get(170));

        assertThat(block.transactions()).hasSize(2);
        DecodedTransaction tx = block.transactions().get(1);
        assertThat(tx.txid()).isEqualTo("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        assertThat(tx.txIndex()).isEqualTo(1);
        assertThat(tx.coinbase()).isFalse();
        assertThat(tx.size()).isEqualTo(275);
        assertThat(tx.vsize()).isEqualTo(275);
        assertThat(tx.outputValueSat()).isEqualTo(5_000_000_000L);
        assertThat(tx.inputs()).singleElement().satisfies(input -> {
            assertThat(input.prevTxid())
                    .isEqualTo("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9");
            assertThat(input.prevVout()).isZero();
        });
        assertThat(tx.outputs()).extracting(DecodedOutput::voutIndex, DecodedOutput::valueSat,
                        DecodedOutput::scriptType, DecodedOutput::address)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 1_000_000_000L, ScriptType.PUBKEY,
                                "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3"),
                        org.assertj.core.groups.Tuple.tuple(1, 4_000_000_000L, ScriptType.PUBKEY,
                                "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S"));
    }

    @Test
    void block277647() {
        // data/README.md: hash, 213 transactions, coinbase pays subsidy + fees = 2,504,737,355 sat
        DecodedBlock block = decoder.decode(MainnetBlocks.read(MainnetBlocks.BLOCK_277647).get(0));

        assertThat(block.blockHash()).isEqualTo("0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8");
        assertThat(block.transactions()).hasSize(213);
        assertThat(block.transactions().get(0).outputValueSat()).isEqualTo(2_504_737_355L);
        assertThat(block.transactions().stream().filter(DecodedTransaction::coinbase)).hasSize(1);
        assertThat(block.transactions().get(0).coinbase()).isTrue();
    }

    /**
     * The txids hash to the merkle root in each block's header, so each txid and the stripped byte range it is hashed
     * from (= stripped size) are right; bitcoinj, which serializes again to hash, agrees on every txid and wtxid.
     */
    @Test
    void txidsMatchTheHeaderMerkleRootInEveryBlock() {
        int blocks = 0;
        for (String file : List.of(MainnetBlocks.FIRST_439, MainnetBlocks.BLOCK_277647, MainnetBlocks.SAMPLE_2012_2019)) {
            for (byte[] raw : MainnetBlocks.read(file)) {
                DecodedBlock block = decoder.decode(raw);
                Block header = Block.read(ByteBuffer.wrap(raw));
                List<byte[]> txids = block.transactions().stream().map(tx -> internalOrder(tx.txid())).toList();
                assertThat(merkleRoot(txids)).as("merkle root of %s", block.blockHash())
                        .isEqualTo(header.getMerkleRoot().getReversedBytes());
                assertThat(block.blockHash()).isEqualTo(header.getHashAsString());
                List<Transaction> bitcoinjTxs = header.getTransactions();
                for (DecodedTransaction tx : block.transactions()) {
                    Transaction expected = bitcoinjTxs.get(tx.txIndex());
                    assertThat(tx.txid()).isEqualTo(expected.getTxId().toString());
                    assertThat(tx.wtxid()).isEqualTo(expected.getWTxId().toString());
                }
                blocks++;
            }
        }
        assertThat(blocks).isEqualTo(439 + 1 + 10);
    }

    /**
     * BIP141 witness commitment: in the SegWit blocks of the sample, the wtxids (coinbase as zero) hash with the
     * coinbase's witness reserved value to the commitment in the coinbase output, so wtxids and full sizes are right.
     */
    @Test
    void wtxidsMatchTheCoinbaseWitnessCommitment() {
        int committed = 0;
        for (byte[] raw : MainnetBlocks.read(MainnetBlocks.SAMPLE_2012_2019)) {
            DecodedBlock block = decoder.decode(raw);
            if (block.transactions().stream().noneMatch(DecodedTransaction::hasWitness)) {
                continue;
            }
            // BIP141: the last coinbase output whose script starts 6a24aa21a9ed carries the commitment
            String commitment = block.transactions().get(0).outputs().stream()
                    .map(DecodedOutput::scriptPubKeyHex)
                    .filter(script -> script.length() >= 76 && script.startsWith("6a24aa21a9ed"))
                    .reduce((first, last) -> last).orElseThrow().substring(12, 76);
            List<byte[]> wtxids = new ArrayList<>();
            wtxids.add(new byte[32]);
            block.transactions().stream().skip(1).forEach(tx -> wtxids.add(internalOrder(tx.wtxid())));
            byte[] reserved = HexFormat.of().parseHex(block.transactions().get(0).inputs().get(0).witnessItems().get(0));
            assertThat(HexFormat.of().formatHex(Sha256Hash.hashTwice(merkleRoot(wtxids), reserved))).isEqualTo(commitment);
            committed++;
        }
        assertThat(committed).isEqualTo(3); // 481829, 540107, 574200 per data/README.md
    }

    @Test
    void sizesAgreeWithBitcoinjAndBip141() {
        int withWitness = 0;
        for (byte[] raw : MainnetBlocks.read(MainnetBlocks.SAMPLE_2012_2019)) {
            List<Transaction> expected = Block.read(ByteBuffer.wrap(raw)).getTransactions();
            for (DecodedTransaction tx : decoder.decode(raw).transactions()) {
                Transaction bitcoinj = expected.get(tx.txIndex());
                assertThat(tx.size()).isEqualTo(bitcoinj.messageSize());
                assertThat(tx.weight()).isEqualTo(bitcoinj.getWeight());
                assertThat(tx.vsize()).isEqualTo(bitcoinj.getVsize());
                assertThat(tx.weight()).isEqualTo(tx.strippedSize() * 3 + tx.size());
                assertThat(tx.hasWitness()).isEqualTo(tx.size() > tx.strippedSize());
                assertThat(tx.hasWitness()).isEqualTo(tx.inputs().stream().anyMatch(i -> !i.witnessItems().isEmpty()));
                assertThat(tx.locktime()).isEqualTo(bitcoinj.getLockTime());
                assertThat(tx.rbfSignaling()).isEqualTo(bitcoinj.isOptInFullRBF());
                if (tx.hasWitness()) {
                    withWitness++;
                }
            }
        }
        assertThat(withWitness).isPositive();
    }

    @Test
    void sampleHoldsEveryCommonScriptType() {
        // data/README.md: outputs include P2PK, P2PKH, P2SH, P2WPKH, P2WSH, bare multisig, OP_RETURN, non-standard
        Set<ScriptType> types = EnumSet.noneOf(ScriptType.class);
        for (byte[] raw : MainnetBlocks.read(MainnetBlocks.SAMPLE_2012_2019)) {
            for (DecodedTransaction tx : decoder.decode(raw).transactions()) {
                for (DecodedOutput output : tx.outputs()) {
                    types.add(output.scriptType());
                    assertThat(output.address() == null).as("address of %s", output.scriptType())
                            .isEqualTo(output.scriptType() == ScriptType.MULTISIG
                                    || output.scriptType() == ScriptType.NULL_DATA
                                    || output.scriptType() == ScriptType.NONSTANDARD);
                }
            }
        }
        assertThat(types).contains(ScriptType.PUBKEY, ScriptType.PUBKEYHASH, ScriptType.SCRIPTHASH,
                ScriptType.WITNESS_V0_KEYHASH, ScriptType.WITNESS_V0_SCRIPTHASH, ScriptType.MULTISIG,
                ScriptType.NULL_DATA, ScriptType.NONSTANDARD);
    }

    @Test
    void truncatedBlockNamesHashOffsetAndTransaction() {
        byte[] raw = MainnetBlocks.read(MainnetBlocks.FIRST_439).get(170);
        byte[] truncated = Arrays.copyOf(raw, raw.length - 10);

        assertThatThrownBy(() -> decoder.decode(truncated))
                .isInstanceOf(BlockDecodeException.class)
                .hasMessageContaining("block 00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee")
                .hasMessageContaining("offset 215 (transaction 1 of 2): truncated");
    }

    @Test
    void trailingBytesAndShortHeaderAreErrors() {
        byte[] raw = MainnetBlocks.read(MainnetBlocks.FIRST_439).get(0);
        byte[] padded = Arrays.copyOf(raw, raw.length + 3);

        assertThatThrownBy(() -> decoder.decode(padded))
                .isInstanceOf(BlockDecodeException.class)
                .hasMessageContaining("offset 285: 3 bytes after the last of 1 transactions");
        assertThatThrownBy(() -> decoder.decode(new byte[79]))
                .isInstanceOf(BlockDecodeException.class)
                .hasMessage("block of 79 bytes: shorter than the 80-byte header");
        byte[] noTransactions = Arrays.copyOf(raw, 81);
        assertThatThrownBy(() -> decoder.decode(noTransactions))
                .isInstanceOf(BlockDecodeException.class)
                .hasMessageContaining("offset 80: transaction count 1 impossible in 0 remaining bytes");
    }

    /** Prints (does not assert) decode throughput on the sample blocks, per CPU-second of one thread. */
    @Test
    void printsThroughput() {
        List<byte[]> blocks = MainnetBlocks.read(MainnetBlocks.SAMPLE_2012_2019);
        double perSecond = CpuThroughput.measure(() -> {
            long transactions = 0;
            for (byte[] raw : blocks) {
                transactions += decoder.decode(raw).transactions().size();
            }
            return transactions;
        }, 2000, 1500);
        System.out.printf("BlockDecoder on %s: %.0f tx per CPU-second (one thread)%n", MainnetBlocks.SAMPLE_2012_2019,
                perSecond);
        assertThat(perSecond).isPositive();
    }

    private static byte[] internalOrder(String displayHex) {
        return Sha256Hash.wrap(displayHex).getReversedBytes();
    }

    /** Bitcoin's merkle tree: pairs hashed with double SHA-256, the last of an odd level paired with itself. */
    private static byte[] merkleRoot(List<byte[]> leaves) {
        List<byte[]> level = leaves;
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                byte[] left = level.get(i);
                byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
                next.add(Sha256Hash.hashTwice(left, right));
            }
            level = next;
        }
        return level.get(0);
    }
}
