package io.chainlake.ods.blockfile;

import java.math.BigInteger;

/**
 * Bitcoin Core's {@code CheckProofOfWork}: the header's compact target ({@code bits}) must be positive, must not
 * overflow and must not exceed the network's {@code powLimit}, and the block hash must not exceed the target. A
 * header with a flipped byte (version, time, bits, nonce) still decodes and its transactions still match the merkle
 * root, but its hash is another, almost never below the target: without this check such a block would be loaded
 * under a hash that no node knows.
 */
public final class ProofOfWork {

    private ProofOfWork() {
    }

    /** Why the header fails proof of work, or null when it passes. */
    public static String problem(BlockHeaderInfo header, Network network) {
        long bits = header.bits();
        int size = (int) (bits >>> 24);
        long word = bits & 0x007fffffL;
        if (word != 0 && (bits & 0x00800000L) != 0) {
            return String.format("bits 0x%08x encode a negative target", bits);
        }
        if (word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32))) {
            return String.format("bits 0x%08x encode a target above 2^256", bits);
        }
        BigInteger target = size <= 3
                ? BigInteger.valueOf(word >>> (8 * (3 - size)))
                : BigInteger.valueOf(word).shiftLeft(8 * (size - 3));
        if (target.signum() == 0) {
            return String.format("bits 0x%08x encode a zero target", bits);
        }
        if (target.compareTo(network.powLimit()) > 0) {
            return String.format("bits 0x%08x encode a target above the %s proof-of-work limit", bits,
                    network.cliName());
        }
        if (new BigInteger(header.blockHash(), 16).compareTo(target) > 0) {
            return "proof of work fails: hash " + header.blockHash() + " is above the target of bits "
                    + String.format("0x%08x", bits) + " (a corrupted header?)";
        }
        return null;
    }
}
