package io.chainlake.dws.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.dws.core.CoreBlockStatsFixture.Tx;
import io.chainlake.dws.stats.FeeratePercentiles;
import io.chainlake.dws.stats.FeerateWeight;
import io.chainlake.dws.stats.TruncatedMedian;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fee statistics of getblockstats recomputed from the raw blocks of the functional-test data and compared with
 * the node's recorded answers. Only statistics that mean the same on Bitcoin are compared: the file comes from Dash
 * Core's copy of the test (see the README beside it), whose blockhash (X11) and subsidy (500 coins on its regtest)
 * differ from Bitcoin's; its blocks hold no witness data, so its fee/size feerates equal Bitcoin's fee*4/weight.
 */
class CoreGetBlockStatsTest {

    private static final CoreBlockStatsFixture FIXTURE = CoreBlockStatsFixture.load();

    @Test
    void coversHeights101To103() {
        assertThat(FIXTURE.statsHeights()).containsExactly(101, 102, 103);
    }

    @Test
    void transactionCountsSizesAndFeesMatchTheNode() {
        for (int height : FIXTURE.statsHeights()) {
            List<Tx> txs = FIXTURE.transactionsAt(height);
            var stats = FIXTURE.stats(height);
            assertThat(txs.size() + 1L).as("txs at %d", height).isEqualTo(stats.get("txs").asLong());
            assertThat(txs.stream().mapToLong(Tx::size).sum()).as("total_size at %d", height)
                    .isEqualTo(stats.get("total_size").asLong());
            assertThat(txs.stream().mapToLong(Tx::feeSat).sum()).as("totalfee at %d", height)
                    .isEqualTo(stats.get("totalfee").asLong());
            for (Tx tx : txs) {
                assertThat(tx.weight()).as("legacy tx %s weighs 4 x size", tx.txid()).isEqualTo(4 * tx.size());
            }
        }
    }

    @Test
    void medianfeeAndMediantxsize() {
        for (int height : FIXTURE.statsHeights()) {
            List<Tx> txs = FIXTURE.transactionsAt(height);
            var stats = FIXTURE.stats(height);
            assertThat(TruncatedMedian.of(txs.stream().map(Tx::feeSat).toList())).as("medianfee at %d", height)
                    .isEqualTo(stats.get("medianfee").asLong());
            assertThat(TruncatedMedian.of(txs.stream().map(Tx::size).toList())).as("mediantxsize at %d", height)
                    .isEqualTo(stats.get("mediantxsize").asLong());
        }
    }

    @Test
    void feeratePercentilesAndFeerateBounds() {
        for (int height : FIXTURE.statsHeights()) {
            List<FeerateWeight> scores = FIXTURE.transactionsAt(height).stream()
                    .map(tx -> FeerateWeight.ofTransaction(tx.feeSat(), tx.weight()))
                    .toList();
            var stats = FIXTURE.stats(height);
            assertThat(FeeratePercentiles.byWeight(scores)).as("feerate_percentiles at %d", height)
                    .containsExactly(FIXTURE.feeratePercentiles(height));
            assertThat(scores.stream().mapToLong(FeerateWeight::feerate).max().orElse(0))
                    .as("maxfeerate at %d", height).isEqualTo(stats.get("maxfeerate").asLong());
            assertThat(scores.stream().mapToLong(FeerateWeight::feerate).min().orElse(0))
                    .as("minfeerate at %d", height).isEqualTo(stats.get("minfeerate").asLong());
        }
    }
}
