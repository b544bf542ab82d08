package io.chainlake.dws.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bitcoin Core's src/test/pow_tests.cpp: CalculateNextWorkRequired on mainnet parameters. */
class NextWorkRequiredTest {

    @Test
    void getNextWork() {
        // nLastRetargetTime 1261130161 (block #30240), pindexLast.nTime 1262152739 (block #32255), nBits 0x1d00ffff
        assertThat(NextWorkRequired.calculate(0x1d00ffffL, 1262152739L - 1261130161L, ConsensusParams.MAIN))
                .isEqualTo(0x1d00d86aL);
    }

    @Test
    void getNextWorkPowLimit() {
        // nLastRetargetTime 1231006505 (block #0), pindexLast.nTime 1233061996 (block #2015), nBits 0x1d00ffff
        assertThat(NextWorkRequired.calculate(0x1d00ffffL, 1233061996L - 1231006505L, ConsensusParams.MAIN))
                .isEqualTo(0x1d00ffffL);
    }

    @Test
    void getNextWorkLowerLimitActual() {
        // nLastRetargetTime 1279008237 (block #66528), pindexLast.nTime 1279297671 (block #68543), nBits 0x1c05a3f4
        assertThat(NextWorkRequired.calculate(0x1c05a3f4L, 1279297671L - 1279008237L, ConsensusParams.MAIN))
                .isEqualTo(0x1c0168fdL);
    }

    @Test
    void getNextWorkUpperLimitActual() {
        // nLastRetargetTime 1263163443 (not an actual block time), pindexLast.nTime 1269211443 (block #46367)
        assertThat(NextWorkRequired.calculate(0x1c387f6fL, 1269211443L - 1263163443L, ConsensusParams.MAIN))
                .isEqualTo(0x1d00e1fdL);
    }

    @Test
    void regtestNeverRetargets() {
        // chainparams.cpp CRegTestParams: consensus.fPowNoRetargeting = true; pow.cpp returns pindexLast->nBits.
        assertThat(NextWorkRequired.calculate(0x207fffffL, 1, ConsensusParams.REGTEST)).isEqualTo(0x207fffffL);
        assertThat(NextWorkRequired.calculate(0x1d00ffffL, 1, ConsensusParams.REGTEST)).isEqualTo(0x1d00ffffL);
    }

    @Test
    void signetIsCappedAtItsOwnPowLimit() {
        // chainparams.cpp SigNetParams: powLimit 00000377ae00..., genesis nBits 0x1e0377ae.
        assertThat(NextWorkRequired.calculate(0x1e0377aeL, 10 * ConsensusParams.POW_TARGET_TIMESPAN_S,
                ConsensusParams.SIGNET)).isEqualTo(0x1e0377aeL);
    }

    @Test
    void networksGoByTheCliNames() {
        assertThat(ConsensusParams.forNetwork("main")).isEqualTo(ConsensusParams.MAIN);
        assertThat(ConsensusParams.forNetwork("testnet3")).isEqualTo(ConsensusParams.TESTNET3);
        assertThat(ConsensusParams.forNetwork("test")).isEqualTo(ConsensusParams.TESTNET3);
        assertThat(ConsensusParams.forNetwork("testnet4")).isEqualTo(ConsensusParams.TESTNET4);
        assertThat(ConsensusParams.forNetwork("signet")).isEqualTo(ConsensusParams.SIGNET);
        assertThat(ConsensusParams.forNetwork("regtest")).isEqualTo(ConsensusParams.REGTEST);
        assertThatThrownBy(() -> ConsensusParams.forNetwork("mainnet-ish"))
                .hasMessageContaining("unknown network 'mainnet-ish'")
                .hasMessageContaining("main, testnet3, testnet4, signet, regtest");
    }
}
