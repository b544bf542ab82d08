package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStreamOnTheSameWarehouseIsRefusedWhateverItsCheckpointFolder() throws Exception {
        Path warehouse = dir.resolve("warehouse");
        Files.createDirectories(warehouse.resolve("ods.db"));
        assertRefusedWhileAnotherProcessHolds(warehouse.resolve(StreamLock.WAREHOUSE_LOCK),
                () -> StreamLock.onWarehouse(warehouse), "a stream is running on this warehouse");
    }

    @Test
    void twoWarehousesDoNotShareACheckpointFolder() throws Exception {
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints/w-1234"));
        assertRefusedWhileAnotherProcessHolds(store.dir().resolve("stream.lock"), store::lockForStream,
                "a stream is running with these checkpoints");
    }

    private void assertRefusedWhileAnotherProcessHolds(Path lockFile, Supplier<AutoCloseable> lock, String message)
            throws Exception {
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
        Process other = new ProcessBuilder(java, holder.toString(), lockFile.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(lock::get)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(message)
                    .hasMessageContaining(lockFile.toString());
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (AutoCloseable held = lock.get()) {
            assertThatThrownBy(lock::get).isInstanceOf(IllegalStateException.class); // a stream of this process
        }
        lock.get().close(); // released: the next stream starts
    }
}
