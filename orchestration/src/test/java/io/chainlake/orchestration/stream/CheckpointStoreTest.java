package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    @Test
    void theNewestCompleteCheckpointOfAnyJobIsTheOneToResumeFrom() throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        assertThat(store.latest()).isEmpty();
        Path older = checkpoint("job-a", 7, 1_000);
        Path newer = checkpoint("job-b", 2, 2_000);
        Files.createDirectories(dir.resolve("job-b/chk-3")); // being written: no _metadata yet
        assertThat(store.latest()).contains(newer);
        assertThat(older).exists();
    }

    @Test
    void checkpointsOfAnotherStateBackendAreRefusedNamingBothWaysOut() throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        Path chk = checkpoint("job", 1, 1_000);
        store.recordBackend(StateBackend.ROCKSDB);
        assertThat(store.latestFor(StateBackend.ROCKSDB)).contains(chk);
        assertThatThrownBy(() -> store.latestFor(StateBackend.HASHMAP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("written with --state-backend rocksdb")
                .hasMessageContaining("resume with --state-backend rocksdb")
                .hasMessageContaining("--fresh");
    }

    @Test
    void checkpointsWithoutARecordedBackendAreTheHeapBackendsAndNoCheckpointMeansNoConflict() throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        assertThat(store.latestFor(StateBackend.ROCKSDB)).isEmpty();
        Path chk = checkpoint("job", 1, 1_000);
        assertThat(store.latestFor(StateBackend.HASHMAP)).contains(chk);
        assertThatThrownBy(() -> store.latestFor(StateBackend.ROCKSDB)).hasMessageContaining("hashmap");
    }

    @Test
    void rocksDbWorksBesideTheCheckpointsNotAmongThem() {
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints/w-1234"));
        assertThat(store.rocksdbLocalDir()).isEqualTo(dir.resolve("checkpoints/w-1234.rocksdb"));
    }

    private Path checkpoint(String job, int n, long modifiedMillis) throws Exception {
        Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
        Path metadata = Files.writeString(chk.resolve("_metadata"), "x");
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(modifiedMillis));
        return chk;
    }
}
