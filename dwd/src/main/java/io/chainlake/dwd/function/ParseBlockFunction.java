package io.chainlake.dwd.function;

import io.chainlake.dwd.parse.BlockDecoder;
import io.chainlake.dwd.parse.DecodedInput;
import io.chainlake.dwd.parse.DecodedOutput;
import io.chainlake.dwd.parse.DecodedTransaction;
import io.chainlake.ods.blockfile.Network;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.TableFunction;

/**
 * {@code parse_block(raw BYTES, network STRING)}: one row per transaction of a serialized block, with its inputs and
 * outputs as arrays (see {@link DecodedTransaction} for the meaning of each column).
 * {@code network} is the CLI name ({@link Network#fromCliName}) and decides the address prefixes. A NULL block gives no
 * rows; a block that does not decode fails the call with a {@link io.chainlake.dwd.parse.BlockDecodeException} naming
 * the block hash, offset and reason (the ODS loader rejects undecodable blocks, so this is a bug path). In SQL quote a
 * column named {@code raw}: it is a reserved word.
 *
 * <p>Rows are emitted as Flink's internal {@link RowData}, skipping the per-row conversion from Java objects.
 */
@FunctionHint(output = @DataTypeHint(value = ParseBlockFunction.ROW_TYPE, bridgedTo = RowData.class))
public class ParseBlockFunction extends TableFunction<RowData> {

    /** The SQL type of a result row; column order and names are part of the contract. */
    public static final String ROW_TYPE = "ROW<"
            + "tx_index INT, "
            + "txid STRING, "
            + "wtxid STRING, "
            + "version INT, "
            + "locktime BIGINT, "
            + "size INT, "
            + "stripped_size INT, "
            + "vsize INT, "
            + "weight INT, "
            + "is_coinbase BOOLEAN, "
            + "has_witness BOOLEAN, "
            + "is_rbf_signaling BOOLEAN, "
            + "output_value_sat BIGINT, "
            + "inputs ARRAY<ROW<vin_index INT, prev_txid STRING, prev_vout BIGINT, sequence BIGINT, "
            + "script_sig_hex STRING, witness_items ARRAY<STRING>>>, "
            + "outputs ARRAY<ROW<vout_index INT, value_sat BIGINT, script_pubkey_hex STRING, script_type STRING, "
            + "address STRING>>"
            + ">";

    private static final GenericArrayData NO_WITNESS = new GenericArrayData(new Object[0]);

    private transient Map<Network, BlockDecoder> decoders;

    public void eval(byte[] raw, String network) {
        BlockDecoder decoder = decoder(Network.fromCliName(network));
        if (raw == null) {
            return;
        }
        for (DecodedTransaction tx : decoder.decode(raw).transactions()) {
            collect(toRow(tx));
        }
    }

    private BlockDecoder decoder(Network network) {
        if (decoders == null) {
            decoders = new EnumMap<>(Network.class);
        }
        return decoders.computeIfAbsent(network, n -> new BlockDecoder(n.addressNetwork()));
    }

    private static RowData toRow(DecodedTransaction tx) {
        return GenericRowData.of(
                tx.txIndex(),
                string(tx.txid()),
                string(tx.wtxid()),
                (int) tx.version(), // nVersion is 32 bits; above 2^31 it shows negative, as Core before v28 did
                tx.locktime(),
                tx.size(),
                tx.strippedSize(),
                tx.vsize(),
                tx.weight(),
                tx.coinbase(),
                tx.hasWitness(),
                tx.rbfSignaling(),
                tx.outputValueSat(),
                inputs(tx.inputs()),
                outputs(tx.outputs()));
    }

    private static GenericArrayData inputs(List<DecodedInput> inputs) {
        Object[] rows = new Object[inputs.size()];
        for (int i = 0; i < rows.length; i++) {
            DecodedInput input = inputs.get(i);
            rows[i] = GenericRowData.of(
                    input.vinIndex(),
                    string(input.prevTxid()),
                    input.prevVout(),
                    input.sequence(),
                    string(input.scriptSigHex()),
                    witness(input.witnessItems()));
        }
        return new GenericArrayData(rows);
    }

    private static GenericArrayData witness(List<String> items) {
        if (items.isEmpty()) {
            return NO_WITNESS;
        }
        Object[] strings = new Object[items.size()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = string(items.get(i));
        }
        return new GenericArrayData(strings);
    }

    private static GenericArrayData outputs(List<DecodedOutput> outputs) {
        Object[] rows = new Object[outputs.size()];
        for (int i = 0; i < rows.length; i++) {
            DecodedOutput output = outputs.get(i);
            rows[i] = GenericRowData.of(
                    output.voutIndex(),
                    output.valueSat(),
                    string(output.scriptPubKeyHex()),
                    string(output.scriptType().sqlName()),
                    string(output.address()));
        }
        return new GenericArrayData(rows);
    }

    private static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
    }
}
