package io.chainlake.ads.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * SQL {@code int_range(first INT, last INT)}: one row {@code (n INT)} for every integer from first to last
 * inclusive (none when last &lt; first or either is NULL). Lets a job spread a minute row over the minutes whose
 * sliding windows contain it with a plain GROUP BY, which runs in batch and streaming alike (an OVER window
 * with a RANGE frame does not).
 */
@FunctionHint(output = @DataTypeHint("ROW<n INT>"))
public final class IntRangeFunction extends TableFunction<Row> {

    public static final String NAME = "int_range";

    public void eval(Integer first, Integer last) {
        if (first == null || last == null) {
            return;
        }
        for (int n = first; n <= last; n++) {
            collect(Row.of(n));
        }
    }
}
