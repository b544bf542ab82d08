package io.chainlake.dws.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bitcoin Core's CalculatePercentilesByWeight, checked against Core's own vectors in src/test/rpc_tests.cpp,
 * {@code rpc_getblockstats_calculate_percentiles_by_weight}.
 */
class FeeratePercentilesTest {

    @Test
    void coreVectorHundredOnesThenHundredTwos() {
        List<FeerateWeight> scores = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            scores.add(new FeerateWeight(1, 1));
        }
        for (int i = 0; i < 100; i++) {
            scores.add(new FeerateWeight(2, 1));
        }
        assertThat(FeeratePercentiles.byWeight(scores, 200)).containsExactly(1, 1, 1, 2, 2);
    }

    @Test
    void coreVectorTwoPairsOverlappingTwoPercentiles() {
        List<FeerateWeight> scores = List.of(
                new FeerateWeight(1, 9),
                new FeerateWeight(2, 16),
                new FeerateWeight(4, 50),
                new FeerateWeight(5, 10),
                new FeerateWeight(9, 15));
        assertThat(FeeratePercentiles.byWeight(scores, 100)).containsExactly(2, 2, 4, 4, 9);
    }

    @Test
    void coreVectorOneOverlappingPairSplitInTwo() {
        List<FeerateWeight> scores = List.of(
                new FeerateWeight(1, 9),
                new FeerateWeight(2, 11),
                new FeerateWeight(2, 5),
                new FeerateWeight(4, 50),
                new FeerateWeight(5, 10),
                new FeerateWeight(9, 15));
        assertThat(FeeratePercentiles.byWeight(scores, 100)).containsExactly(2, 2, 4, 4, 9);
    }

    @Test
    void coreVectorOneTransactionSpanningAllPercentiles() {
        List<FeerateWeight> scores = List.of(
                new FeerateWeight(1, 100),
                new FeerateWeight(2, 1),
                new FeerateWeight(3, 1),
                new FeerateWeight(3, 1),
                new FeerateWeight(999999, 1));
        assertThat(FeeratePercentiles.byWeight(scores, 104)).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void totalWeightDefaultsToTheSumOfTheWeightsAndOrderDoesNotMatter() {
        List<FeerateWeight> scores = List.of(
                new FeerateWeight(9, 15),
                new FeerateWeight(4, 50),
                new FeerateWeight(1, 9),
                new FeerateWeight(5, 10),
                new FeerateWeight(2, 16));
        assertThat(FeeratePercentiles.byWeight(scores)).containsExactly(2, 2, 4, 4, 9);
    }

    @Test
    void noTransactionsLeaveAllZeros() {
        // Core: CAmount feerate_percentiles[NUM_GETBLOCKSTATS_PERCENTILES] = { 0 }; and if (scores.empty()) return;
        assertThat(FeeratePercentiles.byWeight(List.of())).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void transactionFeerateIsSatoshiPerVirtualByteWithIntegerDivision() {
        // getblockstats: CAmount feerate = weight ? (txfee * WITNESS_SCALE_FACTOR) / weight : 0;
        // regtest height 103 of Core's rpc_getblockstats.json: fee 67800 at 226 bytes (904 WU) is 300 sat/vB,
        // fee 226 at 225 bytes (900 WU) is 1 sat/vB.
        assertThat(FeerateWeight.ofTransaction(67800, 904)).isEqualTo(new FeerateWeight(300, 904));
        assertThat(FeerateWeight.ofTransaction(226, 900)).isEqualTo(new FeerateWeight(1, 900));
        assertThat(FeerateWeight.ofTransaction(500, 0)).isEqualTo(new FeerateWeight(0, 0));
    }

    @Test
    void pairsSortByFeerateThenWeight() {
        List<FeerateWeight> scores = new ArrayList<>(List.of(
                new FeerateWeight(2, 5), new FeerateWeight(1, 9), new FeerateWeight(2, 1)));
        scores.sort(null);
        assertThat(scores).containsExactly(
                new FeerateWeight(1, 9), new FeerateWeight(2, 1), new FeerateWeight(2, 5));
    }
}
