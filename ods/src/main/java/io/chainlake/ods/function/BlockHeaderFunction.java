package io.chainlake.ods.function;

import io.chainlake.ods.blockfile.BlockDecoder;
import io.chainlake.ods.blockfile.BlockHeaderInfo;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.blockfile.ProofOfWork;
import io.chainlake.ods.blockfile.UndecodableBlockException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * SQL {@code block_header(raw_block BYTES, network STRING) -> ROW<...>}: what a serialized block says about itself,
 * decoded by the same {@link BlockDecoder} that {@code load-blocks} uses, so a block from Kafka and one from a blk
 * file give the same ODS row. An undecodable block, or one failing the network's proof of work as in
 * {@code load-blocks} (a corrupted header), gives a row whose {@code error} says why (and whose other fields are
 * NULL): the streaming ingest sends it to ods.btc_block_reject instead of failing the job.
 */
public final class BlockHeaderFunction extends ScalarFunction {

    public static final String NAME = "block_header";

    @FunctionHint(output = @DataTypeHint("ROW<block_hash STRING, prev_block_hash STRING, version BIGINT, "
            + "merkle_root STRING, block_time TIMESTAMP(3), bits BIGINT, nonce BIGINT, tx_count INT, size INT, "
            + "stripped_size INT, weight INT, bip34_height INT, error STRING>"))
    public Row eval(byte[] raw, String network) {
        if (raw == null) {
            return error("empty message");
        }
        try {
            BlockHeaderInfo h = BlockDecoder.decode(raw);
            String proofOfWork = ProofOfWork.problem(h, Network.fromCliName(network));
            if (proofOfWork != null) {
                return error(proofOfWork);
            }
            LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochSecond(h.time()), ZoneOffset.UTC);
            return Row.of(h.blockHash(), h.prevBlockHash(), h.version(), h.merkleRoot(), time, h.bits(), h.nonce(),
                    h.txCount(), h.size(), h.strippedSize(), h.weight(), h.bip34Height(), null);
        } catch (UndecodableBlockException | RuntimeException e) {
            return error("undecodable block: " + e.getMessage());
        }
    }

    /** A row of no block: only {@code error}, the last field, says why. */
    private static Row error(String reason) {
        return Row.of(null, null, null, null, null, null, null, null, null, null, null, null, reason);
    }
}
