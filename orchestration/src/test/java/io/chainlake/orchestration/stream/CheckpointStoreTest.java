package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
    void aSecondStreamOnTheSameWarehouseIsRefusedWhileTheFirstRuns() throws Exception {
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints/w-1234"));
        Path holder = Files.writeString(dir.resolve("HoldLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        Files.createDirectories(Path.of(args[0]).getParent());
                        FileChannel channel = FileChannel.open(Path.of(args[0]),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(120_000);
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, holder.toString(), store.dir().resolve("stream.lock").toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(store::lockForStream)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another stream is running on this warehouse")
                    .hasMessageContaining(store.dir().resolve("stream.lock").toString());
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (AutoCloseable lock = store.lockForStream()) {
            assertThatThrownBy(store::lockForStream).isInstanceOf(IllegalStateException.class);
        }
        store.lockForStream().close(); // released: the next stream starts
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
