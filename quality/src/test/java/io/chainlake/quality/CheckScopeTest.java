package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckScopeTest {

    @Test
    void partitionNamesTheColumnAndItsRange() {
        assertThat(CheckScope.heights("block_height", 170, 180).partition()).isEqualTo("block_height 170-180");
        assertThat(CheckScope.heights("block_height", 170, 170).partition()).isEqualTo("block_height 170");
        assertThat(CheckScope.days("dt", "2024-03-01", "2024-03-02").partition()).isEqualTo("dt 2024-03-01/2024-03-02");
    }

    @Test
    void conditionKeepsTheRowsInsideTheRange() {
        assertThat(CheckScope.heights("block_height", 1, 2).condition())
                .isEqualTo("`block_height` BETWEEN 1 AND 2");
        assertThat(CheckScope.days("dt", "2024-03-01", "2024-03-01").condition())
                .isEqualTo("`dt` BETWEEN '2024-03-01' AND '2024-03-01'");
    }
}
