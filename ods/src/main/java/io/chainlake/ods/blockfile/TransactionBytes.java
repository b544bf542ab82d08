package io.chainlake.ods.blockfile;

import java.security.MessageDigest;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;

/**
 * A transaction's identity computed from its bytes inside a block, so nothing is serialized again: the txid is
 * the double SHA-256 of those bytes without the BIP144 marker, flag and witnesses.
 */
public final class TransactionBytes {

    /** BIP144 marker (0x00) and flag (0x01). */
    public static final int SEGWIT_MARKER_BYTES = 2;

    private TransactionBytes() {}

    /** Bytes that serialization with witness adds: marker, flag and each input's witness stack; 0 without. */
    public static int witnessBytes(Transaction tx) {
        if (!tx.hasWitnesses()) {
            return 0;
        }
        int bytes = SEGWIT_MARKER_BYTES;
        for (TransactionInput input : tx.getInputs()) {
            bytes += input.getWitness().messageSize();
        }
        return bytes;
    }

    /** The txid, internal byte order, of the transaction serialized at {@code block[start, end)}. */
    public static byte[] txid(byte[] block, int start, int end, int witnessBytes) {
        if (witnessBytes == 0) {
            return Sha256Hash.hashTwice(block, start, end - start);
        }
        // version | marker flag | inputs outputs | witnesses | lock time
        int bodyStart = start + 4 + SEGWIT_MARKER_BYTES;
        int witnessStart = end - 4 - (witnessBytes - SEGWIT_MARKER_BYTES);
        MessageDigest digest = Sha256Hash.newDigest();
        digest.update(block, start, 4);
        digest.update(block, bodyStart, witnessStart - bodyStart);
        digest.update(block, end - 4, 4);
        return digest.digest(digest.digest());
    }
}
