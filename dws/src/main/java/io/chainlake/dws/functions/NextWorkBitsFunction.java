package io.chainlake.dws.functions;

import io.chainlake.dws.pow.ConsensusParams;
import io.chainlake.dws.pow.NextWorkRequired;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL {@code next_work_bits(bits BIGINT, actual_timespan_s BIGINT, network STRING) -> BIGINT}: Bitcoin Core's
 * CalculateNextWorkRequired ({@link NextWorkRequired}) — the nBits of the first block of the next difficulty period,
 * given the period's bits and the seconds from its first to its last block. {@code network} is one of main,
 * testnet3, testnet4, signet, regtest (regtest never retargets; on testnet4 pass the period's first block's bits).
 * NULL in, NULL out; an unknown network or bits outside 0..0xffffffff fail naming the value.
 */
@FunctionHint(
        input = {@DataTypeHint("BIGINT"), @DataTypeHint("BIGINT"), @DataTypeHint("STRING")},
        output = @DataTypeHint("BIGINT"))
public final class NextWorkBitsFunction extends ScalarFunction {

    public static final String NAME = "next_work_bits";

    public Long eval(Long bits, Long actualTimespanSeconds, String network) {
        if (bits == null || actualTimespanSeconds == null || network == null) {
            return null;
        }
        return NextWorkRequired.calculate(bits, actualTimespanSeconds, ConsensusParams.forNetwork(network));
    }
}
