package io.chainlake.dws.functions;

import java.math.BigDecimal;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL {@code sat_to_btc(sat BIGINT) -> DECIMAL(20, 8)}: satoshi as an exact BTC amount. A plain
 * {@code CAST(sat AS DECIMAL(20, 8)) / 100000000} overflows (NULL) above 10^12 sat, i.e. 10,000 BTC — well inside
 * a day's volume on mainnet.
 */
@FunctionHint(input = @DataTypeHint("BIGINT"), output = @DataTypeHint("DECIMAL(20, 8)"))
public final class SatToBtcFunction extends ScalarFunction {

    public static final String NAME = "sat_to_btc";

    public BigDecimal eval(Long sat) {
        return sat == null ? null : BigDecimal.valueOf(sat, 8);
    }
}
