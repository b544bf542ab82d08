package io.chainlake.dwd.parse;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import io.chainlake.ods.blockfile.TransactionBytes;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.TransactionWitness;

/**
 * Decodes a serialized block (header, transaction count, transactions with BIP144 witness data) into
 * {@link DecodedBlock}. Transactions are parsed with bitcoinj's {@link Transaction#read}; sizes, txid and wtxid come
 * from the block's own bytes (each transaction's byte range, minus marker, flag and witnesses for the txid) instead of
 * from bitcoinj, which would serialize every transaction again to hash or measure it.
 *
 * <p>Not thread-safe: it keeps one SHA-256 digest. Use one decoder per thread.
 */
public final class BlockDecoder {

    /** The smallest serialized transaction: version, 1 input of 41 bytes, 1 empty output of 9 bytes, locktime. */
    private static final int MIN_TRANSACTION_SIZE = 60;

    private final AddressEncoder addresses;
    private final MessageDigest sha256 = Sha256Hash.newDigest();

    public BlockDecoder(BitcoinNetwork network) {
        this.addresses = new AddressEncoder(network);
    }

    /**
     * Decodes {@code block}; throws {@link BlockDecodeException} naming the block hash, the byte offset and the
     * reason when the bytes are not one whole block.
     */
    public DecodedBlock decode(byte[] block) {
        if (block.length < Block.HEADER_SIZE) {
            throw new BlockDecodeException("block of " + block.length + " bytes: shorter than the "
                    + Block.HEADER_SIZE + "-byte header");
        }
        String blockHash = Hex.encodeReversed(doubleSha256(block, 0, Block.HEADER_SIZE));
        ByteBuffer buffer = ByteBuffer.wrap(block);
        buffer.position(Block.HEADER_SIZE);
        long count;
        try {
            count = VarInt.read(buffer).longValue();
        } catch (BufferUnderflowException e) {
            throw new BlockDecodeException("block " + blockHash + " offset " + Block.HEADER_SIZE
                    + ": transaction count truncated", e);
        }
        long room = buffer.remaining() / MIN_TRANSACTION_SIZE;
        if (count < 1 || count > room) {
            throw new BlockDecodeException("block " + blockHash + " offset " + Block.HEADER_SIZE
                    + ": transaction count " + Long.toUnsignedString(count) + " impossible in "
                    + buffer.remaining() + " remaining bytes");
        }
        List<DecodedTransaction> transactions = new ArrayList<>((int) count);
        for (int index = 0; index < count; index++) {
            int start = buffer.position();
            Transaction tx;
            try {
                tx = Transaction.read(buffer);
            } catch (BufferUnderflowException e) {
                throw new BlockDecodeException(where(blockHash, start, index, count) + "truncated, block ends at "
                        + block.length, e);
            } catch (RuntimeException e) {
                throw new BlockDecodeException(where(blockHash, start, index, count) + e, e);
            }
            transactions.add(decodeTransaction(block, start, buffer.position(), index, tx));
        }
        if (buffer.hasRemaining()) {
            throw new BlockDecodeException("block " + blockHash + " offset " + buffer.position() + ": "
                    + buffer.remaining() + " bytes after the last of " + count + " transactions");
        }
        return new DecodedBlock(blockHash, transactions);
    }

    /**
     * Decodes one serialized transaction as a node relays it (an unconfirmed one); throws
     * {@link BlockDecodeException} when the bytes are not exactly one transaction.
     */
    public DecodedTransaction decodeTransaction(byte[] raw) {
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        Transaction tx;
        try {
            tx = Transaction.read(buffer);
        } catch (BufferUnderflowException e) {
            throw new BlockDecodeException("transaction of " + raw.length + " bytes: truncated", e);
        } catch (RuntimeException e) {
            throw new BlockDecodeException("transaction of " + raw.length + " bytes: " + e, e);
        }
        if (buffer.hasRemaining()) {
            throw new BlockDecodeException("transaction of " + raw.length + " bytes: " + buffer.remaining()
                    + " bytes after its end");
        }
        return decodeTransaction(raw, 0, raw.length, 0, tx);
    }

    private static String where(String blockHash, int offset, int index, long count) {
        return "block " + blockHash + " offset " + offset + " (transaction " + index + " of " + count + "): ";
    }

    /** {@code tx} was read from {@code block[start, end)}. */
    private DecodedTransaction decodeTransaction(byte[] block, int start, int end, int index, Transaction tx) {
        List<TransactionInput> txInputs = tx.getInputs();
        List<TransactionOutput> txOutputs = tx.getOutputs();
        boolean hasWitness = tx.hasWitnesses();

        List<DecodedInput> inputs = new ArrayList<>(txInputs.size());
        boolean rbfSignaling = false;
        for (int i = 0; i < txInputs.size(); i++) {
            TransactionInput input = txInputs.get(i);
            TransactionOutPoint outpoint = input.getOutpoint();
            long sequence = input.getSequenceNumber();
            rbfSignaling |= sequence < TransactionInput.NO_SEQUENCE - 1;
            List<String> witnessItems = List.of();
            if (hasWitness) {
                TransactionWitness witness = input.getWitness();
                int pushes = witness.getPushCount();
                if (pushes > 0) {
                    String[] items = new String[pushes];
                    for (int p = 0; p < pushes; p++) {
                        items[p] = Hex.encode(witness.getPush(p));
                    }
                    witnessItems = Arrays.asList(items);
                }
            }
            // bitcoinj keeps hashes in display order: no reversing
            inputs.add(new DecodedInput(i, Hex.encode(outpoint.hash().getBytes()), outpoint.index(), sequence,
                    Hex.encode(input.getScriptBytes()), witnessItems));
        }

        List<DecodedOutput> outputs = new ArrayList<>(txOutputs.size());
        long outputValue = 0;
        for (int i = 0; i < txOutputs.size(); i++) {
            TransactionOutput output = txOutputs.get(i);
            long value = output.getValue().value;
            byte[] script = output.getScriptBytes();
            ScriptType type = ScriptClassifier.classify(script);
            outputValue += value;
            outputs.add(new DecodedOutput(i, value, Hex.encode(script), type, addresses.address(script, type)));
        }

        int size = end - start;
        int witnessBytes = TransactionBytes.witnessBytes(tx);
        String wtxid = Hex.encodeReversed(doubleSha256(block, start, end));
        String txid = hasWitness ? Hex.encodeReversed(TransactionBytes.txid(block, start, end, witnessBytes)) : wtxid;
        int strippedSize = size - witnessBytes;
        int weight = strippedSize * 3 + size;
        return new DecodedTransaction(index, txid, wtxid, tx.getVersion(), tx.getLockTime(), size, strippedSize,
                weight, (weight + 3) / 4, tx.isCoinBase(), hasWitness, rbfSignaling, outputValue, inputs, outputs);
    }

    private byte[] doubleSha256(byte[] bytes, int from, int to) {
        sha256.update(bytes, from, to - from);
        return sha256.digest(sha256.digest());
    }
}
