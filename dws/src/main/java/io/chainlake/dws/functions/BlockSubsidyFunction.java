package io.chainlake.dws.functions;

import io.chainlake.dws.pow.BlockSubsidy;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL {@code block_subsidy(height BIGINT, halving_interval INT) -> BIGINT}: Bitcoin Core's GetBlockSubsidy in satoshi
 * ({@link BlockSubsidy}); halving_interval is 210000 on mainnet, testnet and signet, 150 on regtest. NULL in, NULL out;
 * a negative height or a non-positive interval fails naming the value.
 */
@FunctionHint(input = {@DataTypeHint("BIGINT"), @DataTypeHint("INT")}, output = @DataTypeHint("BIGINT"))
public final class BlockSubsidyFunction extends ScalarFunction {

    public static final String NAME = "block_subsidy";

    public Long eval(Long height, Integer halvingInterval) {
        if (height == null || halvingInterval == null) {
            return null;
        }
        return BlockSubsidy.at(height, halvingInterval);
    }
}
