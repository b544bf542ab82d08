package io.chainlake.ods.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadProgressTest {

    @Test
    void aLineBeforeAnyBytesAreDoneSaysTheTimeLeftIsUnknownAndLaterOnesExtrapolate() {
        List<String> lines = new ArrayList<>();
        LoadProgress progress = new LoadProgress("scan", 1_000, lines::add);
        long start = System.nanoTime();
        assertThat(progress.line(1, 1, 0, start + 2_000_000_000L)).endsWith("0% done, ETA unknown");
        assertThat(progress.line(10, 20, 250, start + 2_000_000_000L)).endsWith("25% done, ETA 6 s");
        progress.finish(40, 80);
        assertThat(lines).singleElement().asString()
                .startsWith("scan: 40 blocks, 80 tx, ").endsWith("100% done, ETA 0 s");
    }
}
