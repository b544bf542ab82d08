package io.chainlake.dws.pow;

/**
 * Bitcoin Core's {@code GetBlockSubsidy} (src/validation.cpp): 50 BTC, halved (right shift) once per
 * {@code nSubsidyHalvingInterval} blocks, and 0 from the 64th halving on, where the shift would be undefined.
 * Mainnet, testnet and signet halve every 210000 blocks, regtest every 150.
 */
public final class BlockSubsidy {

    /** 50 * COIN. */
    public static final long INITIAL_SUBSIDY_SAT = 50L * 100_000_000L;

    private BlockSubsidy() {
    }

    /** The subsidy in satoshi of the block at {@code height}. */
    public static long at(long height, int halvingInterval) {
        if (height < 0) {
            throw new IllegalArgumentException("block height " + height + " is negative");
        }
        if (halvingInterval <= 0) {
            throw new IllegalArgumentException("halving interval " + halvingInterval + " is not positive");
        }
        long halvings = height / halvingInterval;
        if (halvings >= 64) {
            return 0;
        }
        return INITIAL_SUBSIDY_SAT >> halvings;
    }
}
