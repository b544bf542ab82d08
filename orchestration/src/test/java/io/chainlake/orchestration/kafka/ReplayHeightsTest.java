package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.ods.blockfile.BlockHeaderInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayHeightsTest {

    private static final String ZEROS = "0".repeat(64);

    private static BlockHeaderInfo header(String hash, String parent, Integer bip34) {
        return new BlockHeaderInfo(hash(hash), parent.equals(ZEROS) ? ZEROS : hash(parent), 2, ZEROS, 0, 0, 0, 1,
                bip34, 100, 100, 400);
    }

    /** A readable name as a 64-digit hash: "a1" becomes "a1000...". */
    private static String hash(String name) {
        return (name + "0".repeat(64)).substring(0, 64);
    }

    @Test
    void childrenAreOneAboveTheirParentWhateverTheOrder() {
        ReplayHeights heights = ReplayHeights.place(List.of(
                header("c2", "c1", null),
                header("c1", "c0", null),
                header("c0", ZEROS, null)), Map.of());
        assertThat(heights.blockCount()).isEqualTo(3);
        assertThat(heights.heightOf(hash("c0"))).isZero();
        assertThat(heights.heightOf(hash("c1"))).isEqualTo(1);
        assertThat(heights.heightOf(hash("c2"))).isEqualTo(2);
    }

    @Test
    void aSegmentRootTakesItsHeightsLineOverItsBip34HeightAndItsParentLinkOverBoth() {
        ReplayHeights heights = ReplayHeights.place(List.of(
                header("a0", "ff", 500),
                header("a1", "a0", 9),
                header("b0", "ee", 700)), Map.of(hash("a0"), 100));
        assertThat(heights.heightOf(hash("a0"))).isEqualTo(100);
        assertThat(heights.heightOf(hash("a1"))).isEqualTo(101);
        assertThat(heights.heightOf(hash("b0"))).isEqualTo(700);
    }

    @Test
    void aSegmentWithoutAnyHeightHasNone() {
        ReplayHeights heights = ReplayHeights.place(List.of(
                header("d0", "ff", null),
                header("d1", "d0", null)), Map.of());
        assertThat(heights.heightOf(hash("d0"))).isNull();
        assertThat(heights.heightOf(hash("d1"))).isNull();
    }

    @Test
    void competingChildrenShareAHeight() {
        ReplayHeights heights = ReplayHeights.place(List.of(
                header("e0", ZEROS, null),
                header("e1", "e0", null),
                header("f1", "e0", null)), Map.of());
        assertThat(heights.heightOf(hash("e1"))).isEqualTo(1);
        assertThat(heights.heightOf(hash("f1"))).isEqualTo(1);
    }
}
