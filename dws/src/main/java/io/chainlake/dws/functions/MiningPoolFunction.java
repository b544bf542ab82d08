package io.chainlake.dws.functions;

import io.chainlake.dws.pools.Pool;
import io.chainlake.dws.pools.PoolRegistry;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * SQL {@code mining_pool(coinbase_script_sig_hex STRING, payout_addresses ARRAY<STRING>)
 * -> ROW<pool_id INT, pool_name STRING>}: the pool that mined a block, from its coinbase scriptSig and the addresses
 * its coinbase pays, by the bundled pool registry's rule ({@link PoolRegistry#attribute}). Both fields are NULL when
 * nothing matches; either argument may be NULL. A scriptSig that is not hex fails naming it.
 */
@FunctionHint(
        input = {@DataTypeHint("STRING"), @DataTypeHint("ARRAY<STRING>")},
        output = @DataTypeHint("ROW<pool_id INT, pool_name STRING>"))
public final class MiningPoolFunction extends ScalarFunction {

    public static final String NAME = "mining_pool";

    private transient PoolRegistry registry;

    public Row eval(String coinbaseScriptSigHex, String[] payoutAddresses) {
        byte[] scriptSig = coinbaseScriptSigHex == null ? null : parseHex(coinbaseScriptSigHex);
        List<String> addresses = payoutAddresses == null ? List.of() : Arrays.asList(payoutAddresses);
        Optional<Pool> pool = registry().attribute(addresses, scriptSig);
        return pool.map(p -> Row.of(p.id(), p.name())).orElseGet(() -> Row.of(null, null));
    }

    private PoolRegistry registry() {
        if (registry == null) {
            registry = PoolRegistry.bundled();
        }
        return registry;
    }

    private static byte[] parseHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": coinbase_script_sig_hex '" + hex + "' is not hex", e);
        }
    }
}
