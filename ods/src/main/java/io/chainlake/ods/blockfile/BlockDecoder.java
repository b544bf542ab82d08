package io.chainlake.ods.blockfile;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;

/**
 * Decodes the serialized bytes of one block (header, transaction count, transactions with witness data) with
 * bitcoinj and checks that they are one whole block: the transactions end exactly at the end of the bytes and
 * their merkle root is the one in the header.
 *
 * <p>Transaction ids are hashed straight from the block bytes (for a SegWit transaction, from the bytes without
 * marker, flag and witnesses), so nothing is serialized again.
 */
public final class BlockDecoder {

    /** version + one input count + one output count + lock time: nothing shorter decodes as a transaction. */
    private static final int MIN_TX_BYTES = 10;
    /** SegWit marker and flag bytes. */

    private BlockDecoder() {
    }

    /**
     * Decodes one block.
     *
     * @param raw the serialized block, exactly
     * @return the header, counts and sizes
     * @throws UndecodableBlockException saying what is wrong and at which byte of the block
     */
    public static BlockHeaderInfo decode(byte[] raw) throws UndecodableBlockException {
        if (raw.length <= Block.HEADER_SIZE) {
            throw new UndecodableBlockException(
                    raw.length + " bytes, a block needs " + Block.HEADER_SIZE + " header bytes and transactions");
        }
        Block header = Block.read(ByteBuffer.wrap(raw, 0, Block.HEADER_SIZE));
        long version = (int) header.getVersion();
        ByteBuffer buf = ByteBuffer.wrap(raw);
        buf.position(Block.HEADER_SIZE);
        VarInt count;
        try {
            count = VarInt.read(buf);
        } catch (BufferUnderflowException e) {
            throw new UndecodableBlockException("transaction count runs past the end of the block");
        }
        long txCount = count.longValue();
        if (count.getOriginalSizeInBytes() != VarInt.sizeOf(txCount)) {
            throw new UndecodableBlockException("transaction count " + Long.toUnsignedString(txCount)
                    + " written in " + count.getOriginalSizeInBytes() + " bytes, not the shortest form");
        }
        if (txCount < 1 || txCount > buf.remaining() / MIN_TX_BYTES) {
            throw new UndecodableBlockException(
                    "transaction count " + Long.toUnsignedString(txCount) + " impossible in " + buf.remaining()
                            + " bytes of transactions");
        }
        byte[][] txids = new byte[(int) txCount][];
        int strippedSize = buf.position();
        Integer bip34Height = null;
        for (int i = 0; i < txids.length; i++) {
            int start = buf.position();
            Transaction tx = readTransaction(buf, i, start);
            int end = buf.position();
            int witnessBytes = TransactionBytes.witnessBytes(tx);
            txids[i] = TransactionBytes.txid(raw, start, end, witnessBytes);
            strippedSize += end - start - witnessBytes;
            if (i == 0 && tx.isCoinBase()) {
                bip34Height = Bip34Height.of(version, tx.getInput(0).getScriptBytes());
            }
        }
        if (buf.hasRemaining()) {
            throw new UndecodableBlockException(
                    txCount + " transactions end at byte " + buf.position() + ", " + buf.remaining()
                            + " bytes before the end of the block");
        }
        Sha256Hash merkleRoot = Sha256Hash.wrapReversed(merkleRoot(txids));
        if (!merkleRoot.equals(header.getMerkleRoot())) {
            throw new UndecodableBlockException(
                    "merkle root mismatch: header has " + header.getMerkleRoot() + ", transactions give " + merkleRoot);
        }
        return new BlockHeaderInfo(
                header.getHashAsString(),
                header.getPrevBlockHash().toString(),
                version,
                header.getMerkleRoot().toString(),
                header.getTimeSeconds(),
                header.getDifficultyTarget(),
                header.getNonce(),
                txids.length,
                bip34Height,
                raw.length,
                strippedSize,
                strippedSize * 3 + raw.length);
    }

    private static Transaction readTransaction(ByteBuffer buf, int index, int start) throws UndecodableBlockException {
        try {
            return Transaction.read(buf);
        } catch (BufferUnderflowException e) {
            throw new UndecodableBlockException(
                    "transaction " + index + " at byte " + start + " runs past the end of the block");
        } catch (RuntimeException e) { // ProtocolException, IllegalArgumentException, ArithmeticException
            throw new UndecodableBlockException(
                    "transaction " + index + " at byte " + start + ": " + e.getClass().getSimpleName() + ": "
                            + e.getMessage());
        }
    }

    /** Bitcoin's merkle tree: pairs hashed with double SHA-256, an odd last node paired with itself. */
    private static byte[] merkleRoot(byte[][] txids) {
        byte[][] level = txids.clone();
        int n = level.length;
        while (n > 1) {
            int m = 0;
            for (int i = 0; i < n; i += 2) {
                byte[] left = level[i];
                byte[] right = i + 1 < n ? level[i + 1] : left;
                level[m++] = Sha256Hash.hashTwice(left, 0, left.length, right, 0, right.length);
            }
            n = m;
        }
        return level[0];
    }
}
