package io.chainlake.dws.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bitcoin Core's GetBlockSubsidy, checked with Core's src/test/validation_tests.cpp. */
class BlockSubsidyTest {

    @Test
    void subsidyLimit() {
        // subsidy_limit_test: for nHeight in 0, 1000, ... < 14000000 sum GetBlockSubsidy * 1000 == 2099999997690000
        long sum = 0;
        for (long height = 0; height < 14_000_000; height += 1000) {
            long subsidy = BlockSubsidy.at(height, 210_000);
            assertThat(subsidy).isLessThanOrEqualTo(50L * 100_000_000L);
            sum += subsidy * 1000;
        }
        assertThat(sum).isEqualTo(2_099_999_997_690_000L);
    }

    @Test
    void halvings() {
        // TestBlockSubsidyHalvings(150) "as in regtest", (210000) "as in main", (1000): each halving halves the
        // previous subsidy, and 64 halvings give 0.
        for (int interval : new int[] {150, 210_000, 1000}) {
            long previous = 50L * 100_000_000L * 2;
            for (int halvings = 0; halvings < 64; halvings++) {
                long subsidy = BlockSubsidy.at((long) halvings * interval, interval);
                assertThat(subsidy).as("interval %d halvings %d", interval, halvings).isEqualTo(previous / 2);
                previous = subsidy;
            }
            assertThat(BlockSubsidy.at(64L * interval, interval)).isZero();
        }
    }

    @Test
    void realBlocks() {
        // data/README.md: the genesis coinbase pays 50 BTC; block 277647's coinbase pays subsidy 25 BTC + fees.
        assertThat(BlockSubsidy.at(0, 210_000)).isEqualTo(5_000_000_000L);
        assertThat(BlockSubsidy.at(277_647, 210_000)).isEqualTo(2_500_000_000L);
    }

    @Test
    void rejectsNegativeHeightAndNonPositiveInterval() {
        assertThatThrownBy(() -> BlockSubsidy.at(-1, 210_000)).hasMessageContaining("block height -1");
        assertThatThrownBy(() -> BlockSubsidy.at(1, 0)).hasMessageContaining("halving interval 0");
    }
}
