package io.chainlake.orchestration.synthetic;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.bitcoinj.base.Sha256Hash;

/**
 * One generated block.
 *
 * @param hash             the block hash, display byte order ({@code toString()} is what explorers show)
 * @param height           its height on its branch
 * @param prevHash         the parent's hash; all zeros for the genesis block
 * @param time             the header time
 * @param transactionCount transactions in the block, the coinbase included
 * @param raw              the serialized block (header, transactions with BIP144 witness serialization), as in a
 *                         {@code blk*.dat} record or a P2P {@code block} message. Not copied: do not modify it
 */
public record SyntheticBlock(
        Sha256Hash hash,
        int height,
        Sha256Hash prevHash,
        Instant time,
        int transactionCount,
        byte[] raw) {

    public SyntheticBlock {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(raw, "raw");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticBlock other
                && height == other.height
                && transactionCount == other.transactionCount
                && hash.equals(other.hash)
                && prevHash.equals(other.prevHash)
                && time.equals(other.time)
                && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "SyntheticBlock[height=" + height + ", hash=" + hash + ", prevHash=" + prevHash + ", time=" + time
                + ", transactions=" + transactionCount + ", bytes=" + raw.length + "]";
    }
}
