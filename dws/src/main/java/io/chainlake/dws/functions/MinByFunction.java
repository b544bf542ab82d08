package io.chainlake.dws.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * SQL {@code min_by(value BIGINT, key BIGINT) -> BIGINT}: the value of the group's row with the lowest key (as
 * {@code min_by} in Trino and Spark), e.g. a field of an epoch's lowest block by height. Rows with a NULL value or
 * key are skipped; keys are expected to be unique within the group. Unlike FIRST_VALUE / LAST_VALUE it does not
 * depend on arrival order, and it supports retraction, so batch and streaming jobs give the same value.
 */
@FunctionHint(
        input = {@DataTypeHint("BIGINT"), @DataTypeHint("BIGINT")},
        output = @DataTypeHint("BIGINT"))
public final class MinByFunction extends AggregateFunction<Long, ValueAtKeyAccumulator> {

    public static final String NAME = "min_by";

    @Override
    public ValueAtKeyAccumulator createAccumulator() {
        return new ValueAtKeyAccumulator();
    }

    public void accumulate(ValueAtKeyAccumulator accumulator, Long value, Long key) throws Exception {
        accumulator.add(value, key);
    }

    public void retract(ValueAtKeyAccumulator accumulator, Long value, Long key) throws Exception {
        accumulator.retract(value, key);
    }

    public void merge(ValueAtKeyAccumulator accumulator, Iterable<ValueAtKeyAccumulator> others) throws Exception {
        accumulator.merge(others);
    }

    @Override
    public Long getValue(ValueAtKeyAccumulator accumulator) {
        try {
            return accumulator.valueAtExtremeKey(true);
        } catch (Exception e) {
            throw new IllegalStateException(NAME + ": cannot read the accumulated values", e);
        }
    }
}
