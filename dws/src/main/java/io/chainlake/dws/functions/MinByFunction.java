package io.chainlake.dws.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;

/** SQL {@code min_by(value BIGINT, key BIGINT) -> BIGINT}: the value at the group's lowest key. */
@FunctionHint(
        input = {@DataTypeHint("BIGINT"), @DataTypeHint("BIGINT")},
        output = @DataTypeHint("BIGINT"))
public final class MinByFunction extends ValueAtExtremeKeyFunction {

    public static final String NAME = "min_by";

    public MinByFunction() {
        super(NAME, true);
    }
}
