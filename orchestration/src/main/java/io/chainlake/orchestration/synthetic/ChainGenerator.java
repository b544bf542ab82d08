package io.chainlake.orchestration.synthetic;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;

/**
 * Generates a branch block by block from genesis. Only the UTXO pool and the previous hash are kept between
 * blocks, so memory does not grow with the number of blocks handed out. Blocks below the plan's first height are
 * generated (their outputs and spends shape the UTXO pool) but not handed out.
 */
final class ChainGenerator implements Iterator<SyntheticBlock> {

    /** Spreads (seed, height) pairs over the seed space: the 64-bit golden ratio, as in SplitMix64. */
    private static final long GOLDEN_GAMMA = 0x9e37_79b9_7f4a_7c15L;

    private final SyntheticChainConfig config;
    private final BranchPlan plan;
    private final UtxoPool pool = new UtxoPool();
    private Random random;
    private PaymentBuilder payments;
    private BlockMiner miner;
    private int nextHeight;
    private Sha256Hash prevHash = Sha256Hash.ZERO_HASH;

    ChainGenerator(SyntheticChainConfig config, BranchPlan plan) {
        this.config = config;
        this.plan = plan;
    }

    @Override
    public boolean hasNext() {
        return nextHeight <= plan.tipHeight();
    }

    @Override
    public SyntheticBlock next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no block after tip height " + plan.tipHeight());
        }
        while (true) {
            SyntheticBlock block = generate(nextHeight++);
            if (block.height() >= plan.firstHeight()) {
                return block;
            }
        }
    }

    private SyntheticBlock generate(int height) {
        OptionalLong seed = plan.seedStartingAt(height);
        if (seed.isPresent()) {
            random = new Random(seed.getAsLong() * GOLDEN_GAMMA + height);
            RandomKeyMaterial keys = new RandomKeyMaterial(random);
            payments = new PaymentBuilder(random, keys);
            miner = new BlockMiner(random, keys);
        }
        pool.matureAt(height);
        List<Transaction> transactions = new ArrayList<>(config.transactionsPerBlock());
        long feesSat = 0;
        int weight = BlockMiner.COINBASE_RESERVE_WEIGHT;
        // the genesis block has only its coinbase, like Bitcoin Core's
        for (int i = 0; height > 0 && i < config.transactionsPerBlock(); i++) {
            Optional<PaymentBuilder.Payment> payment =
                    payments.build(pool, height, BlockMiner.MAX_BLOCK_WEIGHT - weight);
            if (payment.isEmpty()) {
                break;
            }
            transactions.add(payment.get().transaction());
            feesSat += payment.get().feeSat();
            weight += payment.get().weight();
        }
        BlockMiner.Mined mined = miner.mine(height, prevHash, config.blockTime(height), transactions, feesSat);
        // as in Bitcoin Core, the genesis coinbase is not spendable
        if (height > 0) {
            pool.addCoinbase(mined.payout(), height + config.coinbaseMaturity());
        }
        prevHash = mined.block().hash();
        return mined.block();
    }
}
