package io.chainlake.ods.blockfile;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;

/**
 * The transactions of a serialized block, each as the exact bytes the block holds for it, with its txid: what
 * {@code replay --mempool} publishes and what tests feed to {@code ods.btc_mempool_tx}.
 */
public final class BlockTransactions {

    /**
     * One transaction of a block.
     *
     * @param txid the transaction id, hex in display byte order (as explorers show it)
     * @param raw  its serialization as found in the block, witness data included
     */
    public record RawTransaction(String txid, byte[] raw) {
    }

    private BlockTransactions() {
    }

    /**
     * Every transaction after the coinbase, in block order: what a node would have seen relayed before the block.
     * The block must decode (blocks from {@code BlockFileReader} do).
     */
    public static List<RawTransaction> nonCoinbase(byte[] block) {
        ByteBuffer buf = ByteBuffer.wrap(block);
        buf.position(Block.HEADER_SIZE);
        long count = VarInt.read(buf).longValue();
        List<RawTransaction> txs = new ArrayList<>((int) Math.max(0, count - 1));
        for (long i = 0; i < count; i++) {
            int start = buf.position();
            Transaction tx = Transaction.read(buf);
            int end = buf.position();
            if (i > 0) {
                byte[] txid = TransactionBytes.txid(block, start, end, TransactionBytes.witnessBytes(tx));
                String hex = Sha256Hash.wrapReversed(txid).toString();
                txs.add(new RawTransaction(hex, Arrays.copyOfRange(block, start, end)));
            }
        }
        return txs;
    }
}
