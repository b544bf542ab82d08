package io.chainlake.dws.functions;

import io.chainlake.dws.pow.Hashrate;
import java.util.OptionalDouble;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL {@code hashrate_from_difficulty(difficulty DOUBLE, interval_s DOUBLE) -> DOUBLE}: hashes per second implied by
 * a difficulty and the average seconds per block, difficulty * 2^32 / interval_s ({@link Hashrate}). NULL when either
 * argument is NULL or the interval is not positive.
 */
@FunctionHint(input = {@DataTypeHint("DOUBLE"), @DataTypeHint("DOUBLE")}, output = @DataTypeHint("DOUBLE"))
public final class HashrateFromDifficultyFunction extends ScalarFunction {

    public static final String NAME = "hashrate_from_difficulty";

    public Double eval(Double difficulty, Double intervalSeconds) {
        if (difficulty == null || intervalSeconds == null) {
            return null;
        }
        OptionalDouble hashrate = Hashrate.hashesPerSecond(difficulty, intervalSeconds);
        return hashrate.isPresent() ? hashrate.getAsDouble() : null;
    }
}
