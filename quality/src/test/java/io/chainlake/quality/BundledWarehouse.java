package io.chainlake.quality;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.dws.pool.HandMadeShares;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.load.BlockLoader;
import io.chainlake.ods.load.ShareLoader;
import io.chainlake.ods.pool.ShareEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The warehouse of the bundled real mainnet blocks (data/README.md), built once per test run into a template
 * directory that the run's test JVMs share (failsafe runs a module's ITs in {@code it.forks} JVMs); every scenario
 * that breaks data works on its own copy of it.
 */
final class BundledWarehouse {

    private static final String TEMPLATE_PREFIX = "bundled-warehouse-of-run-";

    private static Path template;

    private BundledWarehouse() {}

    /** The built template (a test directory holding {@code warehouse/}): copy it, never write to it. */
    static synchronized Path template() throws Exception {
        if (template == null) {
            template = sharedTemplate();
        }
        return template;
    }

    /**
     * The forks of one Maven run are children of the same Maven process: the first to ask builds the template under
     * {@code target/}, named after that process, while holding a file lock; the others wait on the lock and find it
     * built. Templates of earlier runs (their Maven process gone) are deleted on the way.
     */
    private static Path sharedTemplate() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long run = self.parent().map(ProcessHandle::pid).orElse(self.pid());
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        deleteTemplatesOfEndedRuns(target, run);
        Path dir = target.resolve(TEMPLATE_PREFIX + run);
        Path built = target.resolve(TEMPLATE_PREFIX + run + ".built");
        try (FileChannel lockFile = FileChannel.open(target.resolve(TEMPLATE_PREFIX + run + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (!Files.exists(built)) {
                delete(dir); // what a JVM that died while building left
                Files.createDirectories(dir);
                try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
                    build(session);
                }
                Files.createFile(built);
            }
        }
        return dir;
    }

    private static void deleteTemplatesOfEndedRuns(Path target, long run) throws IOException {
        try (Stream<Path> entries = Files.list(target)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(TEMPLATE_PREFIX)) {
                    continue;
                }
                String pid = name.substring(TEMPLATE_PREFIX.length()).replaceAll("\\..*$", "");
                if (!pid.equals(String.valueOf(run)) && pid.matches("[0-9]+")
                        && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    delete(p);
                }
            }
        }
    }

    /** Loads every bundled block file (with block 277647's prevouts and the sample heights), builds DWD, DWS, ADS. */
    static void build(WarehouseSession session) throws Exception {
        Path data = TestWarehouse.mainnetData();
        new BlockLoader(session, Network.MAIN, line -> {}, line -> {}).load(
                List.of(data.resolve("blocks-000000-000438.blk"), data.resolve("block-277647.blk"),
                        data.resolve("sample-blocks-2012-2019.blk")),
                List.of(data.resolve("block-277647.prevouts.jsonl")),
                data.resolve("sample-blocks-2012-2019.heights"));
        LayerBuilder builder = new LayerBuilder(session);
        for (Layer layer : List.of(Layer.DWD, Layer.DWS, Layer.ADS)) {
            builder.build(layer, line -> {});
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // under target/: what is left goes with the next clean, or the next run's cleanup
        }
    }

    /**
     * The pool layers over the hand-made shares of {@link HandMadeShares} (written straight into dwd.pool_share, and
     * their share log loaded into ods.pool_share_raw, so the DWD job run again finds them), with the found blocks,
     * DWS and ADS built by their real jobs.
     */
    static void buildPool(WarehouseSession session) throws Exception {
        Path log = Files.createTempFile("chainlake-hand-made-shares-", ".jsonl");
        try {
            Files.write(log, HandMadeShares.shareLog());
            new ShareLoader(session, problem -> {
                throw new IllegalStateException("hand-made share log: " + problem);
            }).load(List.of(log), ShareEncoding.JSON);
        } finally {
            Files.deleteIfExists(log);
        }
        session.createTables(Layer.DWD);
        HandMadeShares.insert(session);
        LayerBuilder builder = new LayerBuilder(session);
        session.execute(builder.insertStatement(Layer.DWD, "pool_block_found")).await();
        builder.build(Layer.DWS, line -> {});
        builder.build(Layer.ADS, line -> {});
    }

    /** Copies the directory tree {@code from} (a test directory holding {@code warehouse/}) to {@code to}. */
    static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
