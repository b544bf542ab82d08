package io.chainlake.orchestration.synthetic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;

/**
 * A deterministic, valid-looking regtest block chain for benchmarks and streaming tests.
 *
 * <p>Blocks are chained from a generated genesis block, mined for real at the regtest target ({@code bits
 * 0x207fffff}), with correct merkle roots, BIP34 heights, BIP141 witness serialization and witness commitments,
 * and block times {@code blockInterval} apart. Payments spend outputs that are unspent on their branch (the
 * coinbase only after {@code coinbaseMaturity} blocks), have 1-3 inputs, a payment and a change output and a
 * positive fee, and use P2PKH, P2SH, P2WPKH, P2WSH, P2TR, sometimes P2PK and OP_RETURN scripts. Keys, hashes
 * and signatures are random bytes of the real sizes: scripts do not verify. Each coinbase pays the regtest
 * subsidy (50 BTC halving every 150 blocks) plus the block's fees.
 *
 * <p>Blocks are generated when iterated, never all held: a million transactions need memory only for the
 * unspent outputs. Every iteration generates again from genesis and yields the same bytes for the same
 * configuration. A {@link #fork fork} is itself a {@code SyntheticChain} that yields only its own blocks.
 *
 * <pre>{@code
 * SyntheticChain chain = new SyntheticChain(SyntheticChainConfig.of(300, 100, 42L));
 * chain.writeBlockFile(dir.resolve("blk00000.dat"));
 * for (SyntheticBlock block : chain) {
 *     producer.send(new ProducerRecord<>("blocks", block.hash().toString(), block.raw()));
 * }
 * SyntheticChain reorg = chain.overtakingFork(290, 7L); // blocks 291..300 replacing 291..299
 * }</pre>
 *
 * <p>Instances are immutable; each iterator is single-threaded.
 */
public final class SyntheticChain implements Iterable<SyntheticBlock> {

    /** Header line of {@link #heightsFile()}. */
    public static final String HEIGHTS_FILE_HEADER = "block_hash,height";

    private static final BigInteger BLOCK_WORK = new Block(BlockMiner.BLOCK_VERSION, Sha256Hash.ZERO_HASH,
            Sha256Hash.ZERO_HASH, Instant.EPOCH, BlockMiner.REGTEST_BITS, 0, List.of()).getWork();

    private final SyntheticChainConfig config;
    private final BranchPlan plan;

    /** The main chain: heights 0 to {@code config.blockCount() - 1}. */
    public SyntheticChain(SyntheticChainConfig config) {
        this(config, BranchPlan.main(config.seed(), config.blockCount()));
    }

    private SyntheticChain(SyntheticChainConfig config, BranchPlan plan) {
        this.config = config;
        this.plan = plan;
    }

    public SyntheticChainConfig config() {
        return config;
    }

    /** Height of the first block this chain yields: 0 for the main chain, the fork point + 1 for a fork. */
    public int firstHeight() {
        return plan.firstHeight();
    }

    /** Height of the last block this chain yields. */
    public int tipHeight() {
        return plan.tipHeight();
    }

    /** Blocks this chain yields. */
    public int blockCount() {
        return plan.tipHeight() - plan.firstHeight() + 1;
    }

    /** Generates the blocks from {@link #firstHeight()} to {@link #tipHeight()}, in height order. */
    @Override
    public Iterator<SyntheticBlock> iterator() {
        return new ChainGenerator(config, plan);
    }

    /** {@link #iterator()} as a sequential stream. */
    public Stream<SyntheticBlock> stream() {
        Spliterator<SyntheticBlock> blocks = Spliterators.spliterator(iterator(), blockCount(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(blocks, false);
    }

    /**
     * A competing branch: its first block (height {@code fromHeight + 1}) has this chain's block at
     * {@code fromHeight} as parent, and it has {@code length} blocks with their own payments, drawn from
     * {@code seed}. It spends from the UTXO set this chain has at the fork point, so its payments may conflict with
     * the blocks it replaces. All blocks have the same target, so the branch carries more cumulative work than this
     * chain exactly when it is longer than the part it replaces ({@code length > tipHeight() - fromHeight}).
     *
     * @throws IllegalArgumentException when {@code fromHeight} is not in {@code 0..tipHeight()} or
     *                                  {@code length < 1}
     */
    public SyntheticChain fork(int fromHeight, int length, long seed) {
        return new SyntheticChain(config, plan.fork(fromHeight, length, seed));
    }

    /**
     * A fork from {@code fromHeight} one block longer than the part of this chain it replaces, so it becomes the
     * best chain: {@code fork(fromHeight, tipHeight() - fromHeight + 1, seed)}.
     */
    public SyntheticChain overtakingFork(int fromHeight, long seed) {
        return fork(fromHeight, tipHeight() - fromHeight + 1, seed);
    }

    /** Work of one block at the regtest target: 2^256 / (target + 1), which is 2. */
    public static BigInteger blockWork() {
        return BLOCK_WORK;
    }

    /** Cumulative work from genesis to this chain's tip, as Bitcoin Core's {@code nChainWork}. */
    public BigInteger chainWork() {
        return BLOCK_WORK.multiply(BigInteger.valueOf(tipHeight() + 1L));
    }

    /**
     * Writes this chain's blocks to {@code file} (replacing it) as {@code blk*.dat} records with the regtest magic.
     */
    public BlockFileSummary writeBlockFile(Path file) throws IOException {
        StringBuilder heights = new StringBuilder(HEIGHTS_FILE_HEADER).append('\n');
        int blocks = 0;
        long transactions = 0;
        long bytes;
        try (BlockFileWriter writer = new BlockFileWriter(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (SyntheticBlock block : this) {
                writer.write(block.raw());
                appendHeightsLine(heights, block);
                blocks++;
                transactions += block.transactionCount();
            }
            bytes = writer.bytesWritten();
        }
        return new BlockFileSummary(file, blocks, transactions, bytes, heights.toString());
    }

    /**
     * Content of a heights file for this chain's blocks: a {@code block_hash,height} header line, then one such
     * line per block, hashes in display byte order - the format the ODS block loader's {@code --heights} reads.
     * Generates the chain; {@link #writeBlockFile} returns the same content without a second generation.
     */
    public String heightsFile() {
        StringBuilder heights = new StringBuilder(HEIGHTS_FILE_HEADER).append('\n');
        for (SyntheticBlock block : this) {
            appendHeightsLine(heights, block);
        }
        return heights.toString();
    }

    private static void appendHeightsLine(StringBuilder heights, SyntheticBlock block) {
        heights.append(block.hash()).append(',').append(block.height()).append('\n');
    }

    @Override
    public String toString() {
        return "SyntheticChain[heights " + firstHeight() + ".." + tipHeight() + ", " + config + "]";
    }
}
