package io.chainlake.dws.pow;

import java.util.OptionalDouble;

/**
 * Network hashrate implied by a difficulty and the average time between blocks: a block at difficulty D takes
 * D * 2^32 hashes on average (difficulty 1 is a target of 0xffff * 2^208, about 2^224 of the 2^256 hash space), so
 * hashes per second = D * 2^32 / seconds per block.
 */
public final class Hashrate {

    private static final double TWO_POW_32 = 4294967296.0;

    private Hashrate() {
    }

    /** Hashes per second; empty when the interval is not a positive number of seconds. */
    public static OptionalDouble hashesPerSecond(double difficulty, double intervalSeconds) {
        if (!(intervalSeconds > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(difficulty * TWO_POW_32 / intervalSeconds);
    }
}
