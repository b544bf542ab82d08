package io.chainlake.dwd.chain;

import java.math.BigInteger;

/** Where a block stands: one row of dwd.btc_block_chain. */
public record ChainPosition(
        String blockHash,
        Integer height,
        String heightSource,
        String segmentRootHash,
        BigInteger chainWork,
        Long medianTimeSeconds,
        boolean inMainChain) {}
