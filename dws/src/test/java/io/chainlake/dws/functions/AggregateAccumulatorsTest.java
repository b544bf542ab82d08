package io.chainlake.dws.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aggregate functions' accumulate, retract and merge without Flink: whatever route the rows take, the result is
 * Core's result over the rows that remain. Expected values are Core's vectors from src/test/rpc_tests.cpp
 * (rpc_getblockstats_calculate_percentiles_by_weight) turned into fee and weight rows with fee = feerate * weight / 4.
 */
class AggregateAccumulatorsTest {

    private final FeeratePercentilesFunction percentiles = new FeeratePercentilesFunction();
    private final TruncatedMedianFunction median = new TruncatedMedianFunction();

    @Test
    void feeratePercentilesOfCoreVectorInOneAccumulatorOrMerged() throws Exception {
        // Core pairs (feerate, weight) (1, 9), (2, 16), (4, 50), (5, 10), (9, 15) -> 2, 2, 4, 4, 9. Each becomes a
        // row of weight 4 * weight paying feerate * weight sat, whose fee * 4 / weight is the feerate again; scaling
        // every weight by 4 scales the thresholds alike.
        FeeratePercentilesFunction.Accumulator single = percentiles.createAccumulator();
        FeeratePercentilesFunction.Accumulator left = percentiles.createAccumulator();
        FeeratePercentilesFunction.Accumulator right = percentiles.createAccumulator();
        long[][] pairs = {{1, 9}, {2, 16}, {4, 50}, {5, 10}, {9, 15}};
        for (int i = 0; i < pairs.length; i++) {
            long feerate = pairs[i][0];
            long weight = pairs[i][1] * 4;
            long fee = feerate * pairs[i][1];
            percentiles.accumulate(single, fee, weight);
            percentiles.accumulate(i % 2 == 0 ? left : right, fee, weight);
        }
        assertThat(percentiles.getValue(single)).containsExactly(2L, 2L, 4L, 4L, 9L);
        percentiles.merge(left, List.of(right));
        assertThat(percentiles.getValue(left)).containsExactly(2L, 2L, 4L, 4L, 9L);
    }

    @Test
    void feeratePercentilesRetractionRemovesTheRow() throws Exception {
        FeeratePercentilesFunction.Accumulator accumulator = percentiles.createAccumulator();
        percentiles.accumulate(accumulator, 100L, 400L);
        percentiles.accumulate(accumulator, 200L, 400L);
        percentiles.accumulate(accumulator, 800L, 800L);
        percentiles.accumulate(accumulator, 4000L, 400L);
        percentiles.retract(accumulator, 100L, 400L);
        // Remaining feerates 2 (400 WU), 4 (800 WU), 40 (400 WU): thresholds 160, 400, 800, 1200, 1440.
        assertThat(percentiles.getValue(accumulator)).containsExactly(2L, 2L, 4L, 4L, 40L);

        percentiles.retract(accumulator, 200L, 400L);
        percentiles.retract(accumulator, 800L, 800L);
        percentiles.retract(accumulator, 4000L, 400L);
        assertThat(percentiles.getValue(accumulator)).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(accumulator.rowsByFeerate.isEmpty()).isTrue();
        assertThat(accumulator.weightByFeerate.isEmpty()).isTrue();
    }

    @Test
    void feeratePercentilesLeaveOutUnknownFeesAndRejectNegativeWeights() throws Exception {
        FeeratePercentilesFunction.Accumulator accumulator = percentiles.createAccumulator();
        percentiles.accumulate(accumulator, null, 400L);
        percentiles.accumulate(accumulator, 400L, null);
        assertThat(percentiles.getValue(accumulator)).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThatThrownBy(() -> percentiles.accumulate(accumulator, 400L, -4L))
                .hasMessage("feerate_percentiles(fee_sat 400, weight -4): weight is negative");
    }

    @Test
    void truncatedMedianAccumulateRetractMerge() throws Exception {
        TruncatedMedianFunction.Accumulator left = median.createAccumulator();
        TruncatedMedianFunction.Accumulator right = median.createAccumulator();
        median.accumulate(left, 192L);
        median.accumulate(left, null);
        median.accumulate(right, 67800L);
        median.accumulate(right, 226L);
        median.accumulate(right, 5L);
        median.retract(right, 5L);
        median.merge(left, List.of(right));
        // Core's rpc_getblockstats.json height 103: fees 192, 226, 67800 -> medianfee 226.
        assertThat(median.getValue(left)).isEqualTo(226L);
        assertThat(median.getValue(median.createAccumulator())).isZero();
    }
}
