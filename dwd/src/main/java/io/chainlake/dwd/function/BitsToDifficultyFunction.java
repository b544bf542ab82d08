package io.chainlake.dwd.function;

import io.chainlake.dwd.pow.Difficulty;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL {@code bits_to_difficulty(bits BIGINT) -> DOUBLE}: Bitcoin Core's GetDifficulty of a block's nBits
 * ({@link Difficulty}), e.g. 0x1d00ffff is 1.0. NULL in, NULL out; bits outside 0..0xffffffff fail naming the value.
 */
@FunctionHint(input = @DataTypeHint("BIGINT"), output = @DataTypeHint("DOUBLE"))
public final class BitsToDifficultyFunction extends ScalarFunction {

    public static final String NAME = "bits_to_difficulty";

    public Double eval(Long bits) {
        return bits == null ? null : Difficulty.ofBits(bits);
    }
}
