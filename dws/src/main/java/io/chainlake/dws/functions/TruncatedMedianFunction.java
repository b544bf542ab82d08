package io.chainlake.dws.functions;

import io.chainlake.dws.stats.TruncatedMedian;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.api.dataview.MapView;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * SQL {@code truncated_median(v BIGINT) -> BIGINT}: Bitcoin Core's truncated median ({@link TruncatedMedian}) of the
 * non-NULL values of the group, 0 when there are none (as getblockstats reports {@code medianfee} of a block with
 * only a coinbase). Supports retraction and merging, so it runs in batch and streaming jobs alike.
 */
@FunctionHint(input = @DataTypeHint("BIGINT"), output = @DataTypeHint("BIGINT"))
public final class TruncatedMedianFunction extends AggregateFunction<Long, TruncatedMedianFunction.Accumulator> {

    public static final String NAME = "truncated_median";

    /** The values seen so far, as value to count. */
    public static class Accumulator {
        public MapView<Long, Long> counts = new MapView<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator accumulator, Long value) throws Exception {
        if (value != null) {
            CountsView.add(accumulator.counts, value, 1);
        }
    }

    public void retract(Accumulator accumulator, Long value) throws Exception {
        if (value != null) {
            CountsView.add(accumulator.counts, value, -1);
        }
    }

    public void merge(Accumulator accumulator, Iterable<Accumulator> others) throws Exception {
        for (Accumulator other : others) {
            CountsView.addAll(accumulator.counts, other.counts);
        }
    }

    @Override
    public Long getValue(Accumulator accumulator) {
        try {
            return TruncatedMedian.ofCounts(CountsView.sorted(accumulator.counts));
        } catch (Exception e) {
            throw new IllegalStateException(NAME + ": cannot read the accumulated values", e);
        }
    }
}
