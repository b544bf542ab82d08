package io.chainlake.dwd.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Bitcoin Core's GetDifficulty, checked with Core's src/test/blockchain_tests.cpp vectors (compared there with
 * DoubleEquals(difficulty, expected, 0.00001)) and a block explorer's value for a real block.
 */
class DifficultyTest {

    @Test
    void coreVectors() {
        assertThat(Difficulty.ofBits(0x1f111111L)).isCloseTo(0.000001, within(0.00001));
        assertThat(Difficulty.ofBits(0x1ef88f6fL)).isCloseTo(0.000016, within(0.00001));
        assertThat(Difficulty.ofBits(0x1df88f6fL)).isCloseTo(0.004023, within(0.00001));
        assertThat(Difficulty.ofBits(0x1cf88f6fL)).isCloseTo(1.029916, within(0.00001));
        assertThat(Difficulty.ofBits(0x12345678L)).isCloseTo(5913134931067755359633408.0, within(0.00001));
    }

    @Test
    void difficultyOneBitsAreOne() {
        assertThat(Difficulty.ofBits(0x1d00ffffL)).isEqualTo(1.0);
    }

    @Test
    void block277647() {
        // Mainnet block 277647 (data/chain/mainnet/block-277647.blk) has nBits 0x1903a30c; block explorers
        // (e.g. blockchain.com, blockstream.info) show difficulty 1,180,923,195.258026.
        assertThat(Difficulty.ofBits(0x1903a30cL)).isCloseTo(1180923195.258026, within(0.000001));
    }

    @Test
    void zeroMantissaIsInfiniteAsInCore() {
        assertThat(Difficulty.ofBits(0x1d000000L)).isInfinite();
    }
}
