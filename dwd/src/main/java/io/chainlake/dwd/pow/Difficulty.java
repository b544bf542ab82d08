package io.chainlake.dwd.pow;

/**
 * Bitcoin Core's {@code GetDifficulty} (src/rpc/blockchain.cpp): how many times harder the target in {@code nBits} is
 * than the difficulty-1 target 0x1d00ffff, computed in doubles exactly as Core does (0xffff divided by the 24-bit
 * mantissa, then scaled by 256 per byte of size away from 29). A zero mantissa divides by zero, which gives
 * positive infinity in Core's doubles and here.
 */
public final class Difficulty {

    private Difficulty() {
    }

    /** The difficulty of {@code bits}, an unsigned 32-bit compact target. */
    public static double ofBits(long bits) {
        long compact = new CompactBits(bits).value();
        int shift = (int) ((compact >>> 24) & 0xff);
        double difficulty = (double) 0x0000ffff / (double) (compact & 0x00ffffff);
        while (shift < 29) {
            difficulty *= 256.0;
            shift++;
        }
        while (shift > 29) {
            difficulty /= 256.0;
            shift--;
        }
        return difficulty;
    }
}
