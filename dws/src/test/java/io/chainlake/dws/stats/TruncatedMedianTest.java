package io.chainlake.dws.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Bitcoin Core's CalculateTruncatedMedian, src/rpc/blockchain.cpp. */
class TruncatedMedianTest {

    @Test
    void noValuesGiveZero() {
        // Core: if (size == 0) return 0;
        assertThat(TruncatedMedian.of(List.of())).isZero();
        assertThat(TruncatedMedian.ofCounts(new TreeMap<>())).isZero();
    }

    @Test
    void oddCountTakesTheMiddleOfTheSortedValues() {
        // getblockstats for regtest height 103 in Core's test/functional/data/rpc_getblockstats.json (the copy in
        // src/test/resources/core): fees 192, 226, 67800 give medianfee 226.
        assertThat(TruncatedMedian.of(List.of(67800L, 192L, 226L))).isEqualTo(226);
    }

    @Test
    void evenCountAveragesTheTwoMiddleValuesWithIntegerDivision() {
        // Core: (scores[size / 2 - 1] + scores[size / 2]) / 2 on integers: (1 + 2) / 2 == 1, (-1 + -2) / 2 == -1
        // (C++ and Java both truncate toward zero).
        assertThat(TruncatedMedian.of(List.of(2L, 1L))).isEqualTo(1);
        assertThat(TruncatedMedian.of(List.of(10L, 1L, 2L, 7L))).isEqualTo(4);
        assertThat(TruncatedMedian.of(List.of(-1L, -2L))).isEqualTo(-1);
    }

    @Test
    void countsGiveTheSameMedianAsTheExpandedValues() {
        NavigableMap<Long, Long> counts = new TreeMap<>();
        counts.put(5L, 3L);
        counts.put(9L, 1L);
        counts.put(1L, 2L);
        counts.put(7L, 0L);
        List<Long> expanded = List.of(1L, 1L, 5L, 5L, 5L, 9L);
        assertThat(TruncatedMedian.ofCounts(counts)).isEqualTo(TruncatedMedian.of(expanded)).isEqualTo(5);

        counts.put(9L, 2L);
        assertThat(TruncatedMedian.ofCounts(counts))
                .isEqualTo(TruncatedMedian.of(List.of(1L, 1L, 5L, 5L, 5L, 9L, 9L)))
                .isEqualTo(5);
    }
}
