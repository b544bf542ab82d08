package io.chainlake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainlakeConfigTest {

    @Test
    void unknownKeysAreRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> ChainlakeConfig.defaultsWith(Map.of("warehose", "/tmp/w")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown config key 'warehose' in flags")
                .hasMessageContaining("warehouse")
                .hasMessageContaining("flink.<option>");
    }

    @Test
    void flinkOptionsPassThroughWithoutThePrefix() {
        ChainlakeConfig config = ChainlakeConfig.defaultsWith(Map.of(
                "flink.table.exec.mini-batch.enabled", "true",
                "flink.table.exec.mini-batch.size", "5000"));
        assertThat(config.flinkOptions()).containsOnly(
                Map.entry("table.exec.mini-batch.enabled", "true"),
                Map.entry("table.exec.mini-batch.size", "5000"));
        assertThat(ChainlakeConfig.defaultsWith(Map.of()).flinkOptions()).isEmpty();
        assertThatThrownBy(() -> ChainlakeConfig.defaultsWith(Map.of("flink.", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
