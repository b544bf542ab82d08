package io.chainlake.dwd.pow;

import java.math.BigInteger;

/**
 * A 256-bit number in Bitcoin's compact form ({@code nBits}), decoded and encoded exactly as Bitcoin Core's
 * {@code arith_uint256::SetCompact} and {@code GetCompact} (src/arith_uint256.cpp): a one-byte size in bytes, then a
 * 23-bit mantissa whose top bit (0x00800000) is a sign flag. Core computes in 256 bits, so bits shifted past bit 255
 * are lost, as here.
 *
 * @param value the compact form as an unsigned 32-bit number, 0 to 0xffffffff
 */
public record CompactBits(long value) {

    public static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    private static final long UINT32_MAX = 0xffffffffL;

    public CompactBits {
        if (value < 0 || value > UINT32_MAX) {
            throw new IllegalArgumentException("compact bits " + value + " is not an unsigned 32-bit number");
        }
    }

    /** The number this compact form stands for, its sign flag dropped ({@code SetCompact}'s {@code *this}). */
    public BigInteger target() {
        int size = size();
        if (size <= 3) {
            return BigInteger.valueOf(word());
        }
        return BigInteger.valueOf(word()).shiftLeft(8 * (size - 3)).mod(TWO_POW_256);
    }

    /** {@code SetCompact}'s {@code *pfNegative}: the sign bit set on a word that is not zero. */
    public boolean isNegative() {
        return word() != 0 && (value & 0x00800000L) != 0;
    }

    /** {@code SetCompact}'s {@code *pfOverflow}: the number does not fit in 256 bits. */
    public boolean isOverflow() {
        int size = size();
        long word = word();
        return word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
    }

    /** {@code GetCompact()}: the compact form of a non-negative number below 2^256, sign flag clear. */
    public static CompactBits of(BigInteger number) {
        return of(number, false);
    }

    /** {@code GetCompact(fNegative)}. */
    public static CompactBits of(BigInteger number, boolean negative) {
        if (number.signum() < 0 || number.compareTo(TWO_POW_256) >= 0) {
            throw new IllegalArgumentException("0x" + number.toString(16) + " is not a 256-bit unsigned number");
        }
        int size = (number.bitLength() + 7) / 8;
        long compact;
        if (size <= 3) {
            compact = (number.longValue() << (8 * (3 - size))) & UINT32_MAX;
        } else {
            compact = number.shiftRight(8 * (size - 3)).longValue() & UINT32_MAX;
        }
        // The 0x00800000 bit denotes the sign: a mantissa that would set it moves down a byte and the size goes up.
        if ((compact & 0x00800000L) != 0) {
            compact >>>= 8;
            size++;
        }
        compact |= (long) size << 24;
        if (negative && (compact & 0x007fffffL) != 0) {
            compact |= 0x00800000L;
        }
        return new CompactBits(compact & UINT32_MAX);
    }

    private int size() {
        return (int) (value >>> 24);
    }

    /**
     * SetCompact's {@code nWord}: the 23-bit mantissa, already shifted right when the size is below 3 bytes. Core
     * tests the sign and overflow on this shifted word, so 0x00923456 is zero and not negative.
     */
    private long word() {
        long mantissa = value & 0x007fffffL;
        int size = size();
        return size <= 3 ? mantissa >>> (8 * (3 - size)) : mantissa;
    }

    @Override
    public String toString() {
        return String.format("0x%08x", value);
    }
}
