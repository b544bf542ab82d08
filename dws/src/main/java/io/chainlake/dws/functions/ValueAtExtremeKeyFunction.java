package io.chainlake.dws.functions;

import org.apache.flink.table.functions.AggregateFunction;

/**
 * {@code min_by} / {@code max_by}: the value of the group's row with the lowest / highest key (as in Trino and
 * Spark), e.g. a field of an epoch's first or last block by height. Rows with a NULL value or key are skipped; keys
 * are expected to be unique within the group. Unlike FIRST_VALUE / LAST_VALUE it does not depend on arrival order,
 * and it supports retraction, so batch and streaming jobs give the same value.
 */
abstract class ValueAtExtremeKeyFunction extends AggregateFunction<Long, ValueAtKeyAccumulator> {

    private final String name;
    private final boolean lowest;

    ValueAtExtremeKeyFunction(String name, boolean lowest) {
        this.name = name;
        this.lowest = lowest;
    }

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
            return accumulator.valueAtExtremeKey(lowest);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot read the accumulated values", e);
        }
    }
}
