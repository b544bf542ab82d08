package io.chainlake.orchestration.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Context;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.params.RegTestParams;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptPattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticChainTest {

    /** 170 blocks crosses the first regtest halving (height 150); maturity 20 gives ~150 blocks of payments. */
    private static final SyntheticChainConfig CONFIG = SyntheticChainConfig.of(170, 12, 42L).withCoinbaseMaturity(20);

    /** Regtest {@code genesis.nBits} (Bitcoin Core {@code src/kernel/chainparams.cpp}, CRegTestParams). */
    private static final long REGTEST_BITS = 0x207fffffL;

    private static final byte[] REGTEST_MAGIC = {(byte) 0xfa, (byte) 0xbf, (byte) 0xb5, (byte) 0xda};

    private static SyntheticChain chain;
    private static List<SyntheticBlock> blocks;

    @BeforeAll
    static void generate() {
        chain = new SyntheticChain(CONFIG);
        blocks = chain.stream().collect(Collectors.toList());
    }

    @Test
    void yieldsTheConfiguredBlocksWithPaymentsOnceCoinbasesMature() {
        assertThat(blocks).hasSize(170);
        assertThat(blocks).extracting(SyntheticBlock::height)
                .containsExactlyElementsOf(IntStream.range(0, 170).boxed().toList());
        // the first coinbase that may be spent is height 1's, at height 1 + 20
        assertThat(blocks.subList(0, 21)).allSatisfy(b -> assertThat(b.transactionCount()).isEqualTo(1));
        assertThat(blocks.subList(21, 170)).allSatisfy(b -> assertThat(b.transactionCount()).isEqualTo(13));
    }

    @Test
    void blocksDecodeWithBitcoinjAndTheirMerkleRootsVerify() {
        Context.propagate(new Context());
        for (SyntheticBlock synthetic : blocks) {
            Block block = Block.read(ByteBuffer.wrap(synthetic.raw()));
            assertThat(block.getHash()).isEqualTo(synthetic.hash());
            assertThat(block.serialize()).as("re-serialized block %d", synthetic.height()).isEqualTo(synthetic.raw());
            assertThat(block.getTransactions()).hasSize(synthetic.transactionCount());
            List<Sha256Hash> txids = block.getTransactions().stream().map(Transaction::getTxId).toList();
            assertThat(block.getMerkleRoot()).as("merkle root of block %d", synthetic.height())
                    .isEqualTo(merkleRoot(txids));
            // bitcoinj's own checks: proof of work, time, merkle root, sizes, coinbase, BIP34 height
            Block.verify(RegTestParams.get(), block, synthetic.height(), EnumSet.of(Block.VerifyFlag.HEIGHT_IN_COINBASE));
        }
    }

    @Test
    void hashesMeetTheRegtestTarget() {
        // compact bits: mantissa 0x7fffff, exponent 0x20 -> 0x7fffff * 256^(0x20 - 3)
        BigInteger target = BigInteger.valueOf(0x7fffff).shiftLeft(8 * (0x20 - 3));
        for (SyntheticBlock block : blocks) {
            byte[] header = Arrays.copyOf(block.raw(), 80);
            assertThat(uint32(header, 72)).isEqualTo(REGTEST_BITS);
            byte[] digest = sha256d(header);
            assertThat(Sha256Hash.wrapReversed(digest)).isEqualTo(block.hash());
            BigInteger asNumber = new BigInteger(1, reversed(digest)); // 256-bit little-endian
            assertThat(asNumber).as("hash of block %d", block.height()).isLessThanOrEqualTo(target);
        }
    }

    @Test
    void prevHashesChainFromAGenesisWithAZeroParentAndTimesAreTenMinutesApart() {
        assertThat(blocks.get(0).prevHash()).isEqualTo(Sha256Hash.ZERO_HASH);
        assertThat(Arrays.copyOfRange(blocks.get(0).raw(), 4, 36)).containsOnly(0);
        for (int i = 0; i < blocks.size(); i++) {
            SyntheticBlock block = blocks.get(i);
            byte[] header = block.raw();
            assertThat(Sha256Hash.wrapReversed(Arrays.copyOfRange(header, 4, 36))).isEqualTo(block.prevHash());
            assertThat(uint32(header, 68)).isEqualTo(block.time().getEpochSecond());
            assertThat(block.time()).isEqualTo(SyntheticChainConfig.DEFAULT_START_TIME.plusSeconds(600L * i));
            if (i > 0) {
                assertThat(block.prevHash()).isEqualTo(blocks.get(i - 1).hash());
            }
        }
    }

    @Test
    void everyPaymentSpendsAnEarlierUnspentOutputAndTheCoinbaseTakesSubsidyPlusFees() {
        UtxoLedger ledger = new UtxoLedger(CONFIG.coinbaseMaturity());
        for (SyntheticBlock block : blocks) {
            ledger.apply(block);
        }
        assertThat(ledger.payments).isEqualTo(149L * 12);
        assertThat(ledger.inputCounts).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void coinbaseScriptSigStartsWithTheBip34Height() {
        // CScript() << nHeight (Bitcoin Core miner.cpp, BIP34): OP_1..OP_16 for 1..16, else a minimal
        // little-endian push with a sign byte when the top bit is set
        assertThat(coinbaseScriptSig(1)).startsWith(0x51);
        assertThat(coinbaseScriptSig(16)).startsWith(0x60);
        assertThat(coinbaseScriptSig(17)).startsWith(0x01, 0x11);
        assertThat(coinbaseScriptSig(127)).startsWith(0x01, 0x7f);
        assertThat(coinbaseScriptSig(128)).startsWith(0x02, 0x80, 0x00);
        assertThat(coinbaseScriptSig(150)).startsWith(0x02, 0x96, 0x00);
        for (SyntheticBlock block : blocks.subList(1, blocks.size())) {
            transactions(block).get(0).checkCoinBaseHeight(block.height());
        }
    }

    @Test
    void blocksWithWitnessesCommitToThemAsBip141Says() {
        int committed = 0;
        for (SyntheticBlock block : blocks) {
            List<Transaction> txs = transactions(block);
            Transaction coinbase = txs.get(0);
            boolean anyWitness = txs.stream().skip(1).anyMatch(Transaction::hasWitnesses);
            List<byte[]> commitments = coinbase.getOutputs().stream()
                    .map(TransactionOutput::getScriptBytes)
                    .filter(s -> s.length == 38 && (s[0] & 0xff) == 0x6a && s[1] == 0x24 && (s[2] & 0xff) == 0xaa
                            && s[3] == 0x21 && (s[4] & 0xff) == 0xa9 && (s[5] & 0xff) == 0xed)
                    .toList();
            if (!anyWitness) {
                assertThat(commitments).isEmpty();
                assertThat(coinbase.hasWitnesses()).isFalse();
                continue;
            }
            committed++;
            assertThat(commitments).hasSize(1);
            // witness root over wtxids, the coinbase's taken as 32 zero bytes; then SHA256d(root || reserved)
            List<Sha256Hash> wtxids = new ArrayList<>();
            wtxids.add(Sha256Hash.ZERO_HASH);
            txs.stream().skip(1).map(Transaction::getWTxId).forEach(wtxids::add);
            byte[] reserved = coinbase.getInput(0).getWitness().getPush(0);
            assertThat(coinbase.getInput(0).getWitness().getPushCount()).isEqualTo(1);
            assertThat(reserved).hasSize(32).containsOnly(0);
            byte[] expected = sha256d(concat(reversed(merkleRoot(wtxids).getBytes()), reserved));
            assertThat(Arrays.copyOfRange(commitments.get(0), 6, 38)).isEqualTo(expected);
        }
        assertThat(committed).isGreaterThan(100);
    }

    @Test
    void paymentsUseTheUsualOutputScriptTypes() {
        Set<String> seen = new HashSet<>();
        for (SyntheticBlock block : blocks) {
            for (Transaction tx : transactions(block).subList(1, block.transactionCount())) {
                assertThat(tx.getOutputs()).hasSize(2);
                for (TransactionOutput output : tx.getOutputs()) {
                    seen.add(scriptType(output.getScriptPubKey()));
                }
            }
        }
        assertThat(seen).contains("p2pkh", "p2sh", "p2wpkh", "p2wsh", "p2tr", "p2pk", "op_return")
                .doesNotContain("other");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        List<byte[]> again = new SyntheticChain(CONFIG).stream().map(SyntheticBlock::raw).toList();
        assertThat(again).hasSize(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(again.get(i)).as("block %d", i).isEqualTo(blocks.get(i).raw());
        }
        SyntheticBlock otherSeedTip = new SyntheticChain(SyntheticChainConfig.of(170, 12, 43L)
                .withCoinbaseMaturity(20)).stream().reduce((a, b) -> b).orElseThrow();
        assertThat(otherSeedTip.hash()).isNotEqualTo(blocks.get(169).hash());
    }

    @Test
    void theBlockFileHasRegtestFramingAndTheHeightsFileListsEveryBlock(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("blk00000.dat");
        BlockFileSummary summary = chain.writeBlockFile(file);

        List<byte[]> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] magic = new byte[4];
            while (in.available() > 0) {
                data.readFully(magic);
                assertThat(magic).isEqualTo(REGTEST_MAGIC);
                int length = Integer.reverseBytes(data.readInt());
                byte[] block = new byte[length];
                data.readFully(block);
                records.add(block);
            }
        }
        assertThat(records).hasSize(blocks.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i)).isEqualTo(blocks.get(i).raw());
        }
        long bytes = blocks.stream().mapToLong(b -> 8L + b.raw().length).sum();
        assertThat(summary.byteCount()).isEqualTo(bytes).isEqualTo(Files.size(file));
        assertThat(summary.blockCount()).isEqualTo(170);
        assertThat(summary.transactionCount()).isEqualTo(blocks.stream().mapToLong(SyntheticBlock::transactionCount).sum());

        List<String> lines = summary.heightsFile().lines().toList();
        assertThat(lines.get(0)).isEqualTo("block_hash,height");
        assertThat(lines).hasSize(171);
        assertThat(lines.get(1)).isEqualTo(blocks.get(0).hash() + ",0");
        assertThat(lines.get(170)).isEqualTo(blocks.get(169).hash() + ",169").matches("[0-9a-f]{64},169");
        assertThat(chain.fork(160, 3, 1L).heightsFile().lines().skip(1).map(l -> l.split(",")[1]))
                .containsExactly("161", "162", "163");
    }

    @Test
    void aForkStartsFromTheForkPointWithItsOwnValidPayments() {
        SyntheticChain fork = chain.fork(100, 5, 7L);
        List<SyntheticBlock> forkBlocks = fork.stream().toList();

        assertThat(fork.firstHeight()).isEqualTo(101);
        assertThat(fork.tipHeight()).isEqualTo(105);
        assertThat(forkBlocks).extracting(SyntheticBlock::height).containsExactly(101, 102, 103, 104, 105);
        assertThat(forkBlocks.get(0).prevHash()).isEqualTo(blocks.get(100).hash());
        for (int i = 1; i < forkBlocks.size(); i++) {
            assertThat(forkBlocks.get(i).prevHash()).isEqualTo(forkBlocks.get(i - 1).hash());
        }
        for (SyntheticBlock block : forkBlocks) {
            assertThat(block.hash()).isNotEqualTo(blocks.get(block.height()).hash());
            assertThat(block.transactionCount()).isEqualTo(13);
            Set<Sha256Hash> mainTxids = new HashSet<>(txids(blocks.get(block.height())));
            assertThat(txids(block).subList(1, 13)).doesNotContainAnyElementsOf(mainTxids);
        }
        // the fork's payments spend the UTXO set of the main chain at height 100, and nothing twice
        UtxoLedger ledger = new UtxoLedger(CONFIG.coinbaseMaturity());
        blocks.subList(0, 101).forEach(ledger::apply);
        forkBlocks.forEach(ledger::apply);

        assertThat(fork.stream().map(SyntheticBlock::raw).toList())
                .zipSatisfy(forkBlocks, (again, first) -> assertThat(again).isEqualTo(first.raw()));
    }

    @Test
    void anOvertakingForkHasMoreBlocksAndMoreWorkThanWhatItReplaces() {
        SyntheticChain fork = chain.overtakingFork(160, 9L);

        assertThat(fork.blockCount()).isEqualTo(10).isGreaterThan(chain.tipHeight() - 160);
        assertThat(fork.tipHeight()).isEqualTo(170);
        assertThat(SyntheticChain.blockWork()).isEqualTo(BigInteger.TWO);
        assertThat(fork.chainWork()).isGreaterThan(chain.chainWork());
        assertThat(chain.fork(160, 9, 9L).chainWork()).isEqualTo(chain.chainWork());
    }

    @Test
    void aForkOfAForkKeepsItsParentsBlocksUpToTheForkPoint() {
        SyntheticChain first = chain.fork(100, 10, 7L);
        List<SyntheticBlock> firstBlocks = first.stream().toList();
        SyntheticChain second = first.fork(105, 3, 8L);
        List<SyntheticBlock> secondBlocks = second.stream().toList();

        assertThat(secondBlocks.get(0).prevHash()).isEqualTo(firstBlocks.get(4).hash()); // height 105
        UtxoLedger ledger = new UtxoLedger(CONFIG.coinbaseMaturity());
        blocks.subList(0, 101).forEach(ledger::apply);
        firstBlocks.subList(0, 5).forEach(ledger::apply);
        secondBlocks.forEach(ledger::apply);
        // forking the fork below its own first block is forking the main chain
        assertThat(first.fork(50, 1, 3L).stream().toList().get(0).prevHash()).isEqualTo(blocks.get(50).hash());
    }

    @Test
    void aForkPointOutsideTheChainIsRefused() {
        assertThatThrownBy(() -> chain.fork(170, 2, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fork point 170 is not a height of this branch (0..169)");
        assertThatThrownBy(() -> chain.fork(-1, 2, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.fork(10, 0, 1L))
                .hasMessage("fork length 0: a fork has at least one block");
    }

    @Test
    void withConsensusMaturityTheFirstPaymentsComeAtHeight101() {
        List<SyntheticBlock> regtestLike = new SyntheticChain(SyntheticChainConfig.of(103, 5, 1L)).stream().toList();
        assertThat(regtestLike.subList(0, 101)).allSatisfy(b -> assertThat(b.transactionCount()).isEqualTo(1));
        assertThat(regtestLike.get(101).transactionCount()).isEqualTo(6);
        UtxoLedger ledger = new UtxoLedger(SyntheticChainConfig.CONSENSUS_COINBASE_MATURITY);
        regtestLike.forEach(ledger::apply);
    }

    @Test
    void blocksAreGeneratedOnlyAsTheyAreTaken() {
        // a million blocks of 1,000 payments each could not be generated, let alone held, in a unit test
        SyntheticChain huge = new SyntheticChain(new SyntheticChainConfig(1_000_000, 1_000, 5L,
                Instant.parse("2000-01-01T00:00:00Z"), Duration.ofSeconds(600), 1));
        List<SyntheticBlock> first = huge.stream().limit(3).toList();
        assertThat(first).extracting(SyntheticBlock::height).containsExactly(0, 1, 2);
        assertThat(first.get(2).transactionCount()).isEqualTo(1_001);
    }

    @Test
    void aBlockStopsTakingPaymentsAtTheWeightLimit() {
        SyntheticBlock full = new SyntheticChain(SyntheticChainConfig.of(3, 10_000, 3L).withCoinbaseMaturity(1))
                .stream().reduce((a, b) -> b).orElseThrow();
        List<Transaction> txs = transactions(full);
        // BIP141 block weight: header and transaction count count 4 per byte, then each transaction's weight
        long weight = 4L * (80 + 3) + txs.stream().mapToLong(Transaction::getWeight).sum();
        assertThat(weight).isLessThanOrEqualTo(4_000_000L).isGreaterThan(3_990_000L);
        assertThat(full.transactionCount()).isBetween(2_000, 10_000);
    }

    @Test
    void blockTimesFollowTheConfiguredStartAndInterval() {
        SyntheticChainConfig config = SyntheticChainConfig.of(3, 0, 1L)
                .withStartTime(Instant.parse("2020-05-01T00:00:00Z"))
                .withBlockInterval(Duration.ofSeconds(30));
        assertThat(new SyntheticChain(config).stream().map(SyntheticBlock::time).toList()).containsExactly(
                Instant.parse("2020-05-01T00:00:00Z"), Instant.parse("2020-05-01T00:00:30Z"),
                Instant.parse("2020-05-01T00:01:00Z"));
    }

    @Test
    void badConfigurationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SyntheticChainConfig.of(0, 1, 1L))
                .hasMessage("blockCount 0: need at least the genesis block");
        assertThatThrownBy(() -> SyntheticChainConfig.of(10, 1, 1L).withCoinbaseMaturity(0))
                .hasMessageStartingWith("coinbaseMaturity 0");
        assertThatThrownBy(() -> SyntheticChainConfig.of(10, 1, 1L).withBlockInterval(Duration.ofMillis(1500)))
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> SyntheticChainConfig.of(10, 1, 1L).withStartTime(Instant.parse("2106-02-07T06:28:00Z")))
                .hasMessageContaining("past the 32-bit header field");
    }

    private static byte[] coinbaseScriptSig(int height) {
        return transactions(blocks.get(height)).get(0).getInput(0).getScriptBytes();
    }

    static List<Transaction> transactions(SyntheticBlock block) {
        return Block.read(ByteBuffer.wrap(block.raw())).getTransactions();
    }

    private static List<Sha256Hash> txids(SyntheticBlock block) {
        return transactions(block).stream().map(Transaction::getTxId).toList();
    }

    private static String scriptType(Script script) {
        if (ScriptPattern.isP2PKH(script)) {
            return "p2pkh";
        } else if (ScriptPattern.isP2SH(script)) {
            return "p2sh";
        } else if (ScriptPattern.isP2WPKH(script)) {
            return "p2wpkh";
        } else if (ScriptPattern.isP2WSH(script)) {
            return "p2wsh";
        } else if (ScriptPattern.isP2TR(script)) {
            return "p2tr";
        } else if (ScriptPattern.isP2PK(script)) {
            return "p2pk";
        } else if (ScriptPattern.isOpReturn(script)) {
            return "op_return";
        }
        return "other";
    }

    /** The Bitcoin merkle root (odd levels repeat their last hash), written here independently of bitcoinj. */
    static Sha256Hash merkleRoot(List<Sha256Hash> ids) {
        List<byte[]> level = new ArrayList<>();
        ids.forEach(id -> level.add(reversed(id.getBytes()))); // internal byte order
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                byte[] left = level.get(i);
                byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
                next.add(sha256d(concat(left, right)));
            }
            level.clear();
            level.addAll(next);
        }
        return Sha256Hash.wrapReversed(level.get(0));
    }

    static byte[] sha256d(byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return sha256.digest(sha256.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] r = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            r[i] = bytes[bytes.length - 1 - i];
        }
        return r;
    }

    private static long uint32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xffL) | (bytes[offset + 1] & 0xffL) << 8 | (bytes[offset + 2] & 0xffL) << 16
                | (bytes[offset + 3] & 0xffL) << 24;
    }
}
