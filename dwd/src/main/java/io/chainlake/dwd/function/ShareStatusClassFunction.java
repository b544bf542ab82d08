package io.chainlake.dwd.function;

import io.chainlake.ods.pool.ShareStatus;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code share_status_class(status INT) -> STRING}: which of btcpool's three sums a share's difficulty goes to,
 * {@code accepted}, {@code stale} or {@code rejected} ({@link ShareStatus}: the pool does not accept stale shares).
 */
@FunctionHint(input = @DataTypeHint("INT"), output = @DataTypeHint("STRING"))
public final class ShareStatusClassFunction extends ScalarFunction {

    public static final String NAME = "share_status_class";

    public String eval(Integer status) {
        if (status == null) {
            return null;
        }
        return ShareStatus.isAccepted(status) ? "accepted" : ShareStatus.isStale(status) ? "stale" : "rejected";
    }
}
