package io.chainlake.dwd.function;

import io.chainlake.ods.pool.ShareStatus;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/** {@code share_status_name(status INT) -> STRING}: btcpool's StratumStatus name, UNKNOWN for other codes. */
@FunctionHint(input = @DataTypeHint("INT"), output = @DataTypeHint("STRING"))
public final class ShareStatusNameFunction extends ScalarFunction {

    public static final String NAME = "share_status_name";

    public String eval(Integer status) {
        return status == null ? null : ShareStatus.name(status);
    }
}
