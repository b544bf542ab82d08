package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class StateBackendTest {

    @Test
    void namesAreFlinksAndUnknownOnesAreRefusedWithTheChoices() {
        assertThat(StateBackend.fromCliName("rocksdb")).isEqualTo(StateBackend.ROCKSDB);
        assertThat(StateBackend.HASHMAP.cliName()).isEqualTo("hashmap");
        assertThatThrownBy(() -> StateBackend.fromCliName("memory"))
                .hasMessage("unknown state backend 'memory' (one of hashmap, rocksdb)");
    }

    @Test
    void rocksDbIsConfiguredWithIncrementalCheckpointsAndItsFilesBesideTheCheckpoints() {
        CheckpointStore store = new CheckpointStore(Path.of("/data/checkpoints/w-1"));
        Configuration rocks = StreamingPipeline.flinkConfig(new StreamingPipeline.Options(Duration.ofSeconds(1),
                store, false, EnumSet.allOf(StreamDomain.class), StateBackend.ROCKSDB), Optional.empty(),
                new PrometheusEndpoint(9249, false));
        assertThat(rocks.toMap()).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("state.backend.rocksdb.localdir", "/data/checkpoints/w-1.rocksdb")
                .containsEntry("state.backend.rocksdb.memory.managed", "false");
        Configuration heap = StreamingPipeline.flinkConfig(new StreamingPipeline.Options(Duration.ofSeconds(1),
                store, false, EnumSet.allOf(StreamDomain.class)), Optional.empty(), new PrometheusEndpoint(9249, false));
        assertThat(heap.toMap()).doesNotContainKey("state.backend.type");
    }
}
