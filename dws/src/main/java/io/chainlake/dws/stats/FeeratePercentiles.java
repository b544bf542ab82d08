package io.chainlake.dws.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Bitcoin Core's {@code CalculatePercentilesByWeight} (src/rpc/blockchain.cpp), behind getblockstats'
 * {@code feerate_percentiles}: the feerates at the 10th, 25th, 50th, 75th and 90th percentile weight unit.
 *
 * <p>Core sorts the (feerate, weight) pairs, computes the thresholds as doubles ({@code total_weight / 10.0},
 * {@code / 4.0}, {@code / 2.0}, {@code * 3.0 / 4.0}, {@code * 9.0 / 10.0}), walks the pairs adding up weight, and
 * hands each threshold the feerate of the pair at which the running weight first reaches it; thresholds never reached
 * take the last pair's feerate. No pairs leaves the result at its initial {0, 0, 0, 0, 0}.
 */
public final class FeeratePercentiles {

    /** NUM_GETBLOCKSTATS_PERCENTILES. */
    public static final int COUNT = 5;

    private FeeratePercentiles() {
    }

    /** Percentiles of {@code scores} with the total weight taken as the sum of their weights. */
    public static long[] byWeight(Collection<FeerateWeight> scores) {
        long totalWeight = 0;
        for (FeerateWeight score : scores) {
            totalWeight += score.weight();
        }
        return byWeight(scores, totalWeight);
    }

    /** Percentiles of {@code scores} against {@code totalWeight}, exactly as Core's function takes them. */
    public static long[] byWeight(Collection<FeerateWeight> scores, long totalWeight) {
        long[] result = new long[COUNT];
        if (scores.isEmpty()) {
            return result;
        }
        List<FeerateWeight> sorted = new ArrayList<>(scores);
        Collections.sort(sorted);

        double[] weights = {
            totalWeight / 10.0, totalWeight / 4.0, totalWeight / 2.0, (totalWeight * 3.0) / 4.0,
            (totalWeight * 9.0) / 10.0
        };
        int nextPercentileIndex = 0;
        long cumulativeWeight = 0;
        for (FeerateWeight element : sorted) {
            cumulativeWeight += element.weight();
            while (nextPercentileIndex < COUNT && cumulativeWeight >= weights[nextPercentileIndex]) {
                result[nextPercentileIndex] = element.feerate();
                ++nextPercentileIndex;
            }
        }
        for (int i = nextPercentileIndex; i < COUNT; i++) {
            result[i] = sorted.get(sorted.size() - 1).feerate();
        }
        return result;
    }
}
