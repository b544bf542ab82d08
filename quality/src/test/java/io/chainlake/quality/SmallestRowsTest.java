package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallestRowsTest {

    private final SmallestRows function = new SmallestRows();

    @Test
    void keepsTheFiveSmallestRowsWhateverTheirOrderWithNullsFirst() {
        SmallestRows.Kept kept = function.createAccumulator();
        for (String height : List.of("7", "3", "9", "1", "8", "5", "2", "6")) {
            function.accumulate(kept, new String[] {height, "x"});
        }
        function.accumulate(kept, new String[] {null, "y"});

        assertThat(function.getValue(kept)).isDeepEqualTo(new String[][] {
                {null, "y"}, {"1", "x"}, {"2", "x"}, {"3", "x"}, {"5", "x"}});
    }

    @Test
    void mergingPartialSamplesGivesTheSampleOfAllTheirRows() {
        SmallestRows.Kept left = function.createAccumulator();
        SmallestRows.Kept right = function.createAccumulator();
        for (String v : List.of("b", "d", "f", "h", "j", "l")) {
            function.accumulate(left, new String[] {v});
        }
        for (String v : List.of("a", "c", "e")) {
            function.accumulate(right, new String[] {v});
        }

        function.merge(left, List.of(right));

        assertThat(function.getValue(left)).isDeepEqualTo(new String[][] {{"a"}, {"b"}, {"c"}, {"d"}, {"e"}});
    }

    @Test
    void aRowEqualToTheLargestKeptIsNotAddedTwice() {
        SmallestRows.Kept kept = function.createAccumulator();
        for (int i = 0; i < 7; i++) {
            function.accumulate(kept, new String[] {"same"});
        }

        assertThat(function.getValue(kept).length).isEqualTo(SmallestRows.LIMIT);
    }
}
