package io.chainlake.dwd.chain;

import io.chainlake.dwd.pow.CompactBits;
import java.math.BigInteger;

/** What the chain index needs of a block: its link to the parent, its target and time, and any stated height. */
public record BlockHeaderLink(
        String blockHash, String prevBlockHash, long bits, long timeSeconds, Integer heightHint, String hintSource) {

    static final String NO_PARENT = "0".repeat(64);

    /** Expected number of hashes to find the block: 2^256 / (target + 1), as Bitcoin Core's GetBlockProof. */
    public BigInteger work() {
        CompactBits compact = new CompactBits(bits);
        BigInteger target = compact.target();
        if (compact.isNegative() || compact.isOverflow() || target.signum() <= 0) {
            return BigInteger.ZERO;
        }
        return BigInteger.ONE.shiftLeft(256).divide(target.add(BigInteger.ONE));
    }
}
