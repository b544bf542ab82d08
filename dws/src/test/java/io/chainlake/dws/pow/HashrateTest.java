package io.chainlake.dws.pow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashrateTest {

    @Test
    void difficultyTimesTwoToTheThirtyTwoPerSecond() {
        // Difficulty 1 means 2^32 = 4294967296 expected hashes per block; at one block per 600 s that is
        // 4294967296 / 600 = 7158278.826666... H/s.
        assertThat(Hashrate.hashesPerSecond(1.0, 600.0)).hasValue(4294967296.0 / 600.0);
        assertThat(Hashrate.hashesPerSecond(2.0, 1.0)).hasValue(8589934592.0);
    }

    @Test
    void noRateWithoutAPositiveInterval() {
        assertThat(Hashrate.hashesPerSecond(1.0, 0.0)).isEmpty();
        assertThat(Hashrate.hashesPerSecond(1.0, -600.0)).isEmpty();
        assertThat(Hashrate.hashesPerSecond(1.0, Double.NaN)).isEmpty();
    }
}
