package io.chainlake.orchestration.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the streaming job of one warehouse keeps its checkpoints: {@code ./work/checkpoints/<warehouse>-<hash>},
 * one folder per warehouse so two warehouses never restore each other's Kafka offsets. Flink writes
 * {@code <job id>/chk-<n>/_metadata}; a restart resumes from the newest complete one.
 */
public final class CheckpointStore {

    private static final String BACKEND_FILE = "state-backend";

    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The default folder for a warehouse, under the work directory. */
    public static CheckpointStore forWarehouse(Path workDir, Path warehouse) {
        Path w = warehouse.toAbsolutePath().normalize();
        String name = w.getFileName() == null ? "warehouse" : w.getFileName().toString();
        return new CheckpointStore(workDir.resolve("checkpoints").resolve(name + "-" + shortHash(w.toString())));
    }

    public Path dir() {
        return dir;
    }

    /** This folder's lock, held for as long as a stream uses it ({@link StreamLock}). */
    public Closeable lockForStream() {
        return StreamLock.take(dir.resolve("stream.lock"), "with these checkpoints");
    }

    /** The newest checkpoint whose metadata was completely written, if any. */
    public Optional<Path> latest() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(dir)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(CheckpointStore::checkpointsOf)
                    .filter(chk -> Files.isRegularFile(chk.resolve("_metadata")))
                    .max(Comparator.comparing(CheckpointStore::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
    }

    /**
     * The newest checkpoint, refused with the way out when it was written with another state backend: Flink's
     * checkpoints are in each backend's own format and cannot be restored by the other one.
     */
    public Optional<Path> latestFor(StateBackend backend) {
        Optional<Path> latest = latest();
        if (latest.isPresent()) {
            StateBackend written = writtenWith();
            if (written != backend) {
                throw new IllegalArgumentException("the checkpoints in " + dir + " were written with --state-backend "
                        + written.cliName() + " and cannot be restored with " + backend.cliName() + ": resume with "
                        + "--state-backend " + written.cliName() + ", or start over with --fresh (the stream reads "
                        + "Kafka again from the earliest offsets; the tables absorb what they already hold)");
            }
        }
        return latest;
    }

    /** Records the backend the checkpoints from now on are written with. */
    public void recordBackend(StateBackend backend) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(BACKEND_FILE), backend.cliName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(BACKEND_FILE), e);
        }
    }

    /** RocksDB's working files: beside the checkpoints, on the disk the operator chose for the stream's state. */
    public Path rocksdbLocalDir() {
        return dir.resolveSibling(dir.getFileName() + ".rocksdb");
    }

    private StateBackend writtenWith() {
        Path file = dir.resolve(BACKEND_FILE);
        try {
            // checkpoints from before the option existed are the heap backend's
            return Files.exists(file) ? StateBackend.fromCliName(Files.readString(file).strip()) : StateBackend.HASHMAP;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Stream<Path> checkpointsOf(Path jobDir) {
        try (Stream<Path> s = Files.list(jobDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chk-")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + jobDir, e);
        }
    }

    private static long modified(Path chk) {
        try {
            return Files.getLastModifiedTime(chk.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
