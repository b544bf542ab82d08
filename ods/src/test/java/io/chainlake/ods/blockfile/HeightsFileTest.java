package io.chainlake.ods.blockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeightsFileTest {

    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    private static final String BLOCK_1 = "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048";

    @TempDir
    Path dir;

    @Test
    void readsHashesAndHeightsSkippingCommentsBlankLinesAndHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("heights.csv"), String.join("\n",
                "# heights of the first blocks",
                "block_hash,height",
                "",
                GENESIS + ",0",
                "  " + BLOCK_1.toUpperCase() + " , 1  ",
                ""));

        Map<String, Integer> heights = HeightsFile.read(file);

        assertThat(heights).containsExactly(Map.entry(GENESIS, 0), Map.entry(BLOCK_1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        GENESIS,
        GENESIS + ",0,extra",
        GENESIS + ",-1",
        GENESIS + ",one",
        "abc,1",
        "zz0000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f,1"
    })
    void badLineNamesFileAndLine(String badLine) throws IOException {
        Path file = Files.writeString(dir.resolve("heights.csv"), "# header\n" + BLOCK_1 + ",1\n" + badLine + "\n");

        assertThatThrownBy(() -> HeightsFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " line 3: ");
    }

    @Test
    void repeatedHashIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("heights.csv"), GENESIS + ",0\n" + GENESIS + ",0\n");

        assertThatThrownBy(() -> HeightsFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 2: block hash " + GENESIS + " already on line 1");
    }
}
