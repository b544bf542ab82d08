package io.chainlake.dwd.function;

import io.chainlake.dwd.parse.BlockDecodeException;
import io.chainlake.dwd.parse.BlockDecoder;
import io.chainlake.dwd.parse.DecodedOutput;
import io.chainlake.dwd.parse.DecodedTransaction;
import io.chainlake.ods.blockfile.Network;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code parse_tx(raw BYTES, network STRING)}: exactly one row for one serialized transaction as a node relays it
 * (an unconfirmed one), decoded by the same {@link BlockDecoder} as {@code parse_block}. A NULL or undecodable
 * message still gives its row, with every column NULL but {@code problem}: the caller keeps bad input visible
 * instead of a streaming job failing on it. {@code output_addresses} are the distinct addresses paid, in output
 * order. The caller compares {@code txid} with the key the message came under.
 */
@FunctionHint(output = @DataTypeHint(ParseTxFunction.ROW_TYPE))
public class ParseTxFunction extends TableFunction<Row> {

    public static final String NAME = "parse_tx";

    public static final String ROW_TYPE = "ROW<"
            + "txid STRING, "
            + "wtxid STRING, "
            + "size INT, "
            + "vsize INT, "
            + "weight INT, "
            + "is_coinbase BOOLEAN, "
            + "has_witness BOOLEAN, "
            + "is_rbf_signaling BOOLEAN, "
            + "input_count INT, "
            + "output_count INT, "
            + "output_value_sat BIGINT, "
            + "output_addresses ARRAY<STRING>, "
            + "problem STRING"
            + ">";

    private transient Map<Network, BlockDecoder> decoders;

    public void eval(byte[] raw, String network) {
        BlockDecoder decoder = decoder(Network.fromCliName(network));
        if (raw == null) {
            collect(problem("raw transaction is NULL"));
            return;
        }
        DecodedTransaction tx;
        try {
            tx = decoder.decodeTransaction(raw);
        } catch (BlockDecodeException e) {
            collect(problem(e.getMessage()));
            return;
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (DecodedOutput output : tx.outputs()) {
            if (output.address() != null) {
                addresses.add(output.address());
            }
        }
        collect(Row.of(tx.txid(), tx.wtxid(), tx.size(), tx.vsize(), tx.weight(), tx.coinbase(), tx.hasWitness(),
                tx.rbfSignaling(), tx.inputs().size(), tx.outputs().size(), tx.outputValueSat(),
                addresses.toArray(String[]::new), null));
    }

    private static Row problem(String reason) {
        return Row.of(null, null, null, null, null, null, null, null, null, null, null, null, reason);
    }

    private BlockDecoder decoder(Network network) {
        if (decoders == null) {
            decoders = new EnumMap<>(Network.class);
        }
        return decoders.computeIfAbsent(network, n -> new BlockDecoder(n.addressNetwork()));
    }
}
