package io.chainlake.dws.functions;

import io.chainlake.dws.stats.FeeratePercentiles;
import io.chainlake.dws.stats.FeerateWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.api.dataview.MapView;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * SQL {@code feerate_percentiles(fee_sat BIGINT, weight BIGINT) -> ARRAY<BIGINT>}: getblockstats'
 * {@code feerate_percentiles} over the rows of the group, one row per non-coinbase transaction. Each row's feerate is
 * {@code weight > 0 ? fee_sat * 4 / weight : 0} sat/vB (integer division) and the five values are the feerates at the
 * 10th, 25th, 50th, 75th and 90th percentile weight unit, total weight being the sum of the rows' weights
 * ({@link FeeratePercentiles}); {0, 0, 0, 0, 0} when there are no rows. Rows whose fee or weight is NULL (unknown)
 * are left out; a negative weight is not a transaction weight and fails the job naming it.
 *
 * <p>The accumulator keeps, per feerate, the number of rows and the sum of their weights, which makes a retraction
 * two decrements. That is enough for Core's result: Core sorts the (feerate, weight) pairs and reports only feerates,
 * and with non-negative weights the running weight climbs through all pairs of one feerate before the next, so a
 * threshold lands on that feerate exactly when it lies within the feerate's summed weight, whatever the order or
 * split of the pairs inside it. Core's own test vectors show it: splitting (2, 16) into (2, 11) and (2, 5) leaves
 * the result unchanged.
 */
@FunctionHint(
        input = {@DataTypeHint("BIGINT"), @DataTypeHint("BIGINT")},
        output = @DataTypeHint("ARRAY<BIGINT>"))
public final class FeeratePercentilesFunction
        extends AggregateFunction<Long[], FeeratePercentilesFunction.Accumulator> {

    public static final String NAME = "feerate_percentiles";

    /** Per feerate in sat/vB: how many rows, and their summed weight. */
    public static class Accumulator {
        public MapView<Long, Long> rowsByFeerate = new MapView<>();
        public MapView<Long, Long> weightByFeerate = new MapView<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator accumulator, Long feeSat, Long weight) throws Exception {
        add(accumulator, feeSat, weight, 1);
    }

    public void retract(Accumulator accumulator, Long feeSat, Long weight) throws Exception {
        add(accumulator, feeSat, weight, -1);
    }

    public void merge(Accumulator accumulator, Iterable<Accumulator> others) throws Exception {
        for (Accumulator other : others) {
            for (Map.Entry<Long, Long> rows : other.rowsByFeerate.entries()) {
                Long weight = other.weightByFeerate.get(rows.getKey());
                addToFeerate(accumulator, rows.getKey(), rows.getValue(), weight == null ? 0 : weight);
            }
        }
    }

    @Override
    public Long[] getValue(Accumulator accumulator) {
        try {
            List<FeerateWeight> scores = new ArrayList<>();
            for (Map.Entry<Long, Long> rows : CountsView.sorted(accumulator.rowsByFeerate).entrySet()) {
                if (rows.getValue() > 0) {
                    Long weight = accumulator.weightByFeerate.get(rows.getKey());
                    scores.add(new FeerateWeight(rows.getKey(), weight == null ? 0 : weight));
                }
            }
            long[] percentiles = FeeratePercentiles.byWeight(scores);
            Long[] result = new Long[percentiles.length];
            for (int i = 0; i < percentiles.length; i++) {
                result[i] = percentiles[i];
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(NAME + ": cannot read the accumulated feerates", e);
        }
    }

    private static void add(Accumulator accumulator, Long feeSat, Long weight, int sign) throws Exception {
        if (feeSat == null || weight == null) {
            return;
        }
        if (weight < 0) {
            throw new IllegalArgumentException(
                    NAME + "(fee_sat " + feeSat + ", weight " + weight + "): weight is negative");
        }
        long feerate = FeerateWeight.ofTransaction(feeSat, weight).feerate();
        addToFeerate(accumulator, feerate, sign, sign * weight);
    }

    private static void addToFeerate(Accumulator accumulator, long feerate, long rows, long weight)
            throws Exception {
        CountsView.add(accumulator.rowsByFeerate, feerate, rows);
        if (accumulator.rowsByFeerate.contains(feerate)) {
            CountsView.add(accumulator.weightByFeerate, feerate, weight);
        } else {
            accumulator.weightByFeerate.remove(feerate);
        }
    }
}
