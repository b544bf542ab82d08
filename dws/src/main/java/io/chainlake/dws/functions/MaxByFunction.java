package io.chainlake.dws.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;

/** SQL {@code max_by(value BIGINT, key BIGINT) -> BIGINT}: the value at the group's highest key. */
@FunctionHint(
        input = {@DataTypeHint("BIGINT"), @DataTypeHint("BIGINT")},
        output = @DataTypeHint("BIGINT"))
public final class MaxByFunction extends ValueAtExtremeKeyFunction {

    public static final String NAME = "max_by";

    public MaxByFunction() {
        super(NAME, false);
    }
}
