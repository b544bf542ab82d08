package io.chainlake.dws.pow;

import io.chainlake.dwd.pow.CompactBits;

import java.math.BigInteger;

/**
 * Bitcoin Core's {@code CalculateNextWorkRequired} (src/pow.cpp): the bits of the first block of the next
 * difficulty period.
 *
 * <ol>
 *   <li>{@code fPowNoRetargeting} (regtest): the bits stay as they are.</li>
 *   <li>The actual timespan of the period (last block's time minus first block's time) is clamped to
 *       [timespan / 4, timespan * 4], timespan = 1209600 s.</li>
 *   <li>new target = old target * actual timespan / timespan, in 256-bit unsigned arithmetic (a product past 2^256
 *       wraps, as {@code arith_uint256} does), capped at the network's {@code powLimit}.</li>
 *   <li>The result is re-encoded with {@code GetCompact}.</li>
 * </ol>
 * The old target is the last block's bits, except on testnet4 (BIP94) where Core takes the first block's bits of the
 * period; callers pass whichever applies.
 */
public final class NextWorkRequired {

    private NextWorkRequired() {
    }

    /** The next period's bits after a period that ended at {@code bits} and lasted {@code actualTimespanSeconds}. */
    public static long calculate(long bits, long actualTimespanSeconds, ConsensusParams params) {
        CompactBits oldBits = new CompactBits(bits);
        if (params.powNoRetargeting()) {
            return oldBits.value();
        }
        long timespan = ConsensusParams.POW_TARGET_TIMESPAN_S;
        long actual = Math.max(timespan / 4, Math.min(timespan * 4, actualTimespanSeconds));

        BigInteger target = oldBits.target()
                .multiply(BigInteger.valueOf(actual))
                .mod(CompactBits.TWO_POW_256)
                .divide(BigInteger.valueOf(timespan));
        if (target.compareTo(params.powLimit()) > 0) {
            target = params.powLimit();
        }
        return CompactBits.of(target).value();
    }
}
