package io.chainlake.dws.pow;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.dwd.pow.CompactBits;
import org.junit.jupiter.api.Test;

class ConsensusParamsTest {

    @Test
    void mainnetPowLimitEncodesAsDifficultyOneBits() {
        // chainparams.cpp: genesis nBits 0x1d00ffff is GetCompact of powLimit 00000000ffff...ff
        assertThat(CompactBits.of(ConsensusParams.MAIN.powLimit()).value()).isEqualTo(0x1d00ffffL);
        assertThat(CompactBits.of(ConsensusParams.SIGNET.powLimit()).value()).isEqualTo(0x1e0377aeL);
        assertThat(CompactBits.of(ConsensusParams.REGTEST.powLimit()).value()).isEqualTo(0x207fffffL);
    }
}
