package io.chainlake.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles worked out by hand: rank = ceil(p / 100 × n), the rank-th smallest sample. */
class LatenciesTest {

    @Test
    void percentilesOfOneToAHundredAreTheirRanks() {
        Latencies l = new Latencies(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());

        assertThat(l.p50()).isEqualTo(50.0);
        assertThat(l.p99()).isEqualTo(99.0);
        assertThat(l.percentile(100)).isEqualTo(100.0);
        assertThat(l.percentile(0.5)).isEqualTo(1.0);
        assertThat(l.max()).isEqualTo(100.0);
        assertThat(l.count()).isEqualTo(100);
    }

    @Test
    void fewSamplesInAnyOrderGiveMeasuredValuesNotInterpolations() {
        Latencies l = new Latencies(List.of(300.0, 100.0, 200.0));

        assertThat(l.p50()).isEqualTo(200.0); // ceil(1.5) = 2nd smallest
        assertThat(l.p99()).isEqualTo(300.0); // ceil(2.97) = 3rd
        assertThat(l.percentile(33)).isEqualTo(100.0); // ceil(0.99) = 1st
        assertThat(l.percentile(34)).isEqualTo(200.0); // ceil(1.02) = 2nd
    }

    @Test
    void thirtyBlocksAtOnePerSecondHaveTheirP99AtTheWorstBlock() {
        // 29 blocks at 1.2 s and one at 7 s: with 30 samples rank ceil(29.7) = 30, the slowest, fails a 5 s target
        List<Double> millis = new java.util.ArrayList<>(java.util.Collections.nCopies(29, 1_200.0));
        millis.add(7_000.0);
        Latencies l = new Latencies(millis);

        assertThat(l.p50()).isEqualTo(1_200.0);
        assertThat(l.p99()).isEqualTo(7_000.0);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutsideZeroToAHundred() {
        assertThatThrownBy(() -> new Latencies(List.of())).hasMessageContaining("no latency");
        Latencies l = new Latencies(List.of(1.0));
        assertThatThrownBy(() -> l.percentile(0)).hasMessageContaining("not in (0, 100]");
        assertThatThrownBy(() -> l.percentile(100.5)).hasMessageContaining("not in (0, 100]");
    }
}
