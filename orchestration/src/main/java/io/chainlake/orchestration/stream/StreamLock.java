package io.chainlake.orchestration.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file locks a stream holds for as long as it runs (released by closing them, or by the process ending): two
 * streams on one warehouse would both write its tables from their own state and send every alert twice. One lock
 * sits in the warehouse, whatever checkpoint folder or working directory a stream is started with; one in the
 * checkpoint folder, which two warehouses must not share either (each would restore the other's Kafka offsets).
 */
public final class StreamLock {

    /** In the warehouse's root, beside the {@code <layer>.db} folders (Paimon reads only those). */
    public static final String WAREHOUSE_LOCK = ".chainlake-stream.lock";

    private StreamLock() {}

    /** The lock of the warehouse at {@code warehouse}. */
    public static Closeable onWarehouse(Path warehouse) {
        return take(warehouse.resolve(WAREHOUSE_LOCK), "on this warehouse");
    }

    static Closeable take(Path file, String where) {
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) { // held by a stream of this process
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("a stream is running " + where + " (it holds " + file
                    + "): stop it first");
        }
        return channel;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing is locked through it
        }
    }
}
