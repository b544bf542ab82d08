package io.chainlake.dwd.chain;

import java.math.BigInteger;

/** What the chain index needs of a block: its link to the parent, its target and time, and any stated height. */
public record BlockHeaderLink(
        String blockHash, String prevBlockHash, long bits, long timeSeconds, Integer heightHint, String hintSource) {

    static final String NO_PARENT = "0".repeat(64);

    /** Expected number of hashes to find the block: 2^256 / (target + 1), as Bitcoin Core's GetBlockProof. */
    public BigInteger work() {
        BigInteger target = decodeCompact(bits);
        if (target.signum() <= 0) {
            return BigInteger.ZERO;
        }
        return BigInteger.ONE.shiftLeft(256).divide(target.add(BigInteger.ONE));
    }

    /** Bitcoin's compact target encoding (arith_uint256::SetCompact); negative or overflowing targets give 0. */
    static BigInteger decodeCompact(long compact) {
        int size = (int) (compact >>> 24) & 0xff;
        long mantissa = compact & 0x007fffffL;
        if ((compact & 0x00800000L) != 0 && mantissa != 0) {
            return BigInteger.ZERO;
        }
        BigInteger m = BigInteger.valueOf(mantissa);
        return size <= 3 ? m.shiftRight(8 * (3 - size)) : m.shiftLeft(8 * (size - 3));
    }
}
