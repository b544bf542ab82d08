package io.chainlake.orchestration.synthetic;

import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link SyntheticChain} generates.
 *
 * @param blockCount           blocks on the main chain, the generated genesis block included (heights 0 ..
 *                             blockCount - 1)
 * @param transactionsPerBlock payments (non-coinbase transactions) per block. Fewer are made while too few outputs
 *                             are spendable (the first {@code coinbaseMaturity} blocks have none at all) and when a
 *                             block would pass the 4,000,000 weight-unit limit (above roughly 4,000 per block)
 * @param seed                 the main chain's seed: the same seed gives the same bytes on every run
 * @param startTime            the genesis block's time; block {@code h} has {@code startTime + h * blockInterval}
 * @param blockInterval        time between consecutive blocks, whole seconds, at least one
 * @param coinbaseMaturity     blocks before a coinbase output may be spent: a coinbase at height {@code h} is first
 *                             spent at height {@code h + coinbaseMaturity}. Bitcoin Core's {@code COINBASE_MATURITY}
 *                             is 100; a smaller value gives short test chains transactions from their first blocks
 */
public record SyntheticChainConfig(
        int blockCount,
        int transactionsPerBlock,
        long seed,
        Instant startTime,
        Duration blockInterval,
        int coinbaseMaturity) {

    /** Bitcoin Core's {@code COINBASE_MATURITY} ({@code src/consensus/consensus.h}). */
    public static final int CONSENSUS_COINBASE_MATURITY = 100;

    /** 2024-01-01T00:00:00Z: in the past, so bitcoinj's two-hours-in-the-future check accepts every block. */
    public static final Instant DEFAULT_START_TIME = Instant.parse("2024-01-01T00:00:00Z");

    /** The ten-minute block target. */
    public static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofSeconds(600);

    private static final long MAX_BLOCK_TIME = 0xffff_ffffL;

    public SyntheticChainConfig {
        if (blockCount < 1) {
            throw new IllegalArgumentException("blockCount " + blockCount + ": need at least the genesis block");
        }
        if (transactionsPerBlock < 0) {
            throw new IllegalArgumentException("transactionsPerBlock " + transactionsPerBlock + " is negative");
        }
        if (startTime == null || blockInterval == null) {
            throw new IllegalArgumentException("startTime and blockInterval are required");
        }
        if (blockInterval.getSeconds() < 1 || blockInterval.getNano() != 0) {
            throw new IllegalArgumentException("blockInterval " + blockInterval + " is not a whole number of seconds >= 1");
        }
        if (coinbaseMaturity < 1) {
            throw new IllegalArgumentException("coinbaseMaturity " + coinbaseMaturity + ": a coinbase cannot be spent "
                    + "in its own block, use 1 or more");
        }
        if (startTime.getEpochSecond() < 0 || startTime.getNano() != 0) {
            throw new IllegalArgumentException("startTime " + startTime + " is not a whole second since 1970");
        }
        long lastTime = startTime.getEpochSecond() + (blockCount - 1L) * blockInterval.getSeconds();
        if (lastTime > MAX_BLOCK_TIME) {
            throw new IllegalArgumentException("block " + (blockCount - 1) + " would have time " + lastTime
                    + ", past the 32-bit header field (max " + MAX_BLOCK_TIME + ")");
        }
    }

    /** A main chain of {@code blockCount} blocks with the default start time, interval and coinbase maturity. */
    public static SyntheticChainConfig of(int blockCount, int transactionsPerBlock, long seed) {
        return new SyntheticChainConfig(blockCount, transactionsPerBlock, seed, DEFAULT_START_TIME,
                DEFAULT_BLOCK_INTERVAL, CONSENSUS_COINBASE_MATURITY);
    }

    public SyntheticChainConfig withStartTime(Instant time) {
        return new SyntheticChainConfig(blockCount, transactionsPerBlock, seed, time, blockInterval, coinbaseMaturity);
    }

    public SyntheticChainConfig withBlockInterval(Duration interval) {
        return new SyntheticChainConfig(blockCount, transactionsPerBlock, seed, startTime, interval, coinbaseMaturity);
    }

    public SyntheticChainConfig withCoinbaseMaturity(int maturity) {
        return new SyntheticChainConfig(blockCount, transactionsPerBlock, seed, startTime, blockInterval, maturity);
    }

    /**
     * The time of the block at {@code height}, on the main chain or on a fork.
     *
     * @throws IllegalArgumentException when it does not fit the header's 32-bit time field
     */
    public Instant blockTime(int height) {
        long seconds = startTime.getEpochSecond() + height * blockInterval.getSeconds();
        if (seconds > MAX_BLOCK_TIME) {
            throw new IllegalArgumentException("block " + height + " would have time " + seconds
                    + ", past the 32-bit header field (max " + MAX_BLOCK_TIME + ")");
        }
        return Instant.ofEpochSecond(seconds);
    }
}
