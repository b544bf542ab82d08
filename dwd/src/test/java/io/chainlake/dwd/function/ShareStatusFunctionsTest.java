package io.chainlake.dwd.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** btcpool StratumStatus codes (data/README.md) and how btcpool's stats service counts them, acceptStale off. */
class ShareStatusFunctionsTest {

    final ShareStatusClassFunction classOf = new ShareStatusClassFunction();
    final ShareStatusNameFunction nameOf = new ShareStatusNameFunction();

    @Test
    void acceptAndSolvedAreAccepted() {
        assertThat(classOf.eval(1798084231)).isEqualTo("accepted");
        assertThat(classOf.eval(1422486894)).isEqualTo("accepted");
    }

    @Test
    void acceptedStaleAndTheStaleRejectsAreStale() {
        assertThat(classOf.eval(950395421)).isEqualTo("stale"); // ACCEPT_STALE
        assertThat(classOf.eval(1713984938)).isEqualTo("stale"); // SOLVED_STALE
        assertThat(classOf.eval(21)).isEqualTo("stale");
        assertThat(classOf.eval(37)).isEqualTo("stale");
    }

    @Test
    void everythingElseIsRejectedEvenSolvedPreliminaryAndUnknownCodes() {
        assertThat(classOf.eval(1835617709)).isEqualTo("rejected"); // SOLVED_PRELIMINARY: not in isAccepted
        assertThat(classOf.eval(0)).isEqualTo("rejected");
        assertThat(classOf.eval(23)).isEqualTo("rejected");
        assertThat(classOf.eval(400)).isEqualTo("rejected");
        assertThat(classOf.eval(null)).isNull();
    }

    @Test
    void namesAreBtcpoolsWithUnknownForOtherCodes() {
        assertThat(nameOf.eval(21)).isEqualTo("JOB_NOT_FOUND_OR_STALE");
        assertThat(nameOf.eval(22)).isEqualTo("DUPLICATE_SHARE");
        assertThat(nameOf.eval(23)).isEqualTo("LOW_DIFFICULTY");
        assertThat(nameOf.eval(1835617709)).isEqualTo("SOLVED_PRELIMINARY");
        assertThat(nameOf.eval(12345)).isEqualTo("UNKNOWN");
    }
}
