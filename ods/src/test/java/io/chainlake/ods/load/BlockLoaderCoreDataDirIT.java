package io.chainlake.ods.load;

import static io.chainlake.ods.load.CoreBlockFiles.GENESIS;
import static io.chainlake.ods.load.CoreBlockFiles.NO_PARENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.load.CoreBlockFiles.Position;
import io.chainlake.ods.load.CoreBlockFiles.RealBlock;
import io.chainlake.ods.load.OdsTables.BlockRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Bitcoin Core 28+ blocks directory made of the 439 real blocks of heights 0-438 (data/README.md): shuffled
 * over blk00000.dat and blk00001.dat, XOR-obfuscated with the key in xor.dat, each file padded with Core's
 * zero-filled preallocation. Every block must land in ods.btc_block_raw exactly once, with its bytes as mined.
 */
class BlockLoaderCoreDataDirIT {

    private static final long SEED = 20250317L;

    @TempDir
    static Path dir;

    private static List<RealBlock> chain;
    private static Path blocksDir;
    private static Map<String, Position> positions;
    private static WarehouseSession session;
    private static LoaderRun first;

    @BeforeAll
    static void loadObfuscatedDataDir() throws Exception {
        chain = CoreBlockFiles.mainnet("blocks-000000-000438.blk");
        Random random = new Random(SEED);
        byte[] key = new byte[8];
        random.nextBytes(key);
        assertThat(key).as("a key that changes bytes").isNotEqualTo(new byte[8]);
        blocksDir = dir.resolve("bitcoin/blocks");
        positions = writeDataDir(blocksDir, key, random);
        session = WarehouseSession.batch(TestWarehouse.config(dir));
        first = LoaderRun.load(session, blocksDir);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    /** The shuffled chain over two blk files, as Core would leave them; returns where each block went. */
    static Map<String, Position> writeDataDir(Path blocks, byte[] key, Random random) throws Exception {
        List<RealBlock> shuffled = new ArrayList<>(chain);
        Collections.shuffle(shuffled, random);
        CoreBlockFiles.writeXorKey(blocks, key);
        Map<String, Position> where = new HashMap<>();
        List<List<RealBlock>> files = List.of(shuffled.subList(0, 250), shuffled.subList(250, shuffled.size()));
        for (int f = 0; f < files.size(); f++) {
            Path file = blocks.resolve(String.format("blk%05d.dat", f));
            List<byte[]> raws = files.get(f).stream().map(RealBlock::raw).toList();
            CoreBlockFiles.writeBlkFile(file, CoreBlockFiles.records(raws), key);
            List<Long> offsets = CoreBlockFiles.offsets(raws);
            for (int i = 0; i < raws.size(); i++) {
                where.put(files.get(f).get(i).hash(), new Position(file, offsets.get(i)));
            }
        }
        Files.write(blocks.resolve("rev00000.dat"), new byte[] {1, 2, 3}); // undo data: not a block file
        return where;
    }

    static List<BlockRow> expectedRows(Map<String, Position> where, String loadId) {
        // heights 0-438 are all version 1 blocks: no BIP34 height, so no height hint
        return chain.stream().map(b -> new BlockRow(b.hash(), b.prevHash(), null, null, "main",
                where.get(b.hash()).sourceFile(), where.get(b.hash()).offset(), loadId)).toList();
    }

    @Test
    void everyBlockIsLoadedOnceWithItsBytesAndPosition() throws Exception {
        assertThat(first.problems()).isEmpty();
        assertThat(first.result()).isEqualTo(new LoadResult(first.result().loadId(), 439, 439, 0, 0, 0));
        assertThat(Files.size(blocksDir.resolve("blk00000.dat"))).isEqualTo(CoreBlockFiles.CHUNK);

        OdsTables.Blocks blocks = OdsTables.blocks(session);
        assertThat(blocks.rows()).containsExactlyInAnyOrderElementsOf(expectedRows(positions, first.result().loadId()));
        chain.forEach(b -> assertThat(blocks.rawByHash().get(b.hash())).as(b.hash()).isEqualTo(b.raw()));
        assertThat(OdsTables.rejects(session)).isEmpty();

        // heights are resolvable from what was loaded: genesis is there and the parent links, followed from it,
        // give the 439 blocks in the order of the original file, which is heights 0-438 (data/README.md)
        Map<String, String> childOf = new HashMap<>();
        blocks.rows().forEach(r -> assertThat(childOf.put(r.prevHash(), r.hash())).as("fork at " + r.prevHash()).isNull());
        List<String> byHeight = new ArrayList<>();
        for (String h = childOf.get(NO_PARENT); h != null; h = childOf.get(h)) {
            byHeight.add(h);
        }
        assertThat(byHeight.get(0)).isEqualTo(GENESIS);
        assertThat(byHeight).isEqualTo(chain.stream().map(RealBlock::hash).toList());
    }

    @Test
    void reloadingTheSameDirectoryAddsNothing() throws Exception {
        LoaderRun again = LoaderRun.load(session, blocksDir);

        assertThat(again.problems()).isEmpty();
        assertThat(again.result()).isEqualTo(new LoadResult(again.result().loadId(), 439, 0, 439, 0, 0));
        assertThat(again.result().loadId()).isNotEqualTo(first.result().loadId());
        // first load wins: same rows, still stamped with the first load's id
        assertThat(OdsTables.blocks(session).rows())
                .containsExactlyInAnyOrderElementsOf(expectedRows(positions, first.result().loadId()));
        assertThat(session.count("ods.btc_block_reject")).isZero();
    }

    @Test
    void allZeroXorKeyMeansPlainBytes(@TempDir Path other) throws Exception {
        Path plainDir = other.resolve("blocks");
        Map<String, Position> where = writeDataDir(plainDir, new byte[8], new Random(SEED + 1));
        assertThat(Files.readAllBytes(plainDir.resolve("blk00000.dat"))).startsWith(CoreBlockFiles.MAIN_MAGIC);

        try (WarehouseSession plain = WarehouseSession.batch(TestWarehouse.config(other))) {
            LoaderRun run = LoaderRun.load(plain, plainDir);

            assertThat(run.problems()).isEmpty();
            assertThat(run.result()).isEqualTo(new LoadResult(run.result().loadId(), 439, 439, 0, 0, 0));
            assertThat(OdsTables.blocks(plain).rows())
                    .containsExactlyInAnyOrderElementsOf(expectedRows(where, run.result().loadId()));
            assertThat(plain.count("ods.btc_block_reject")).isZero();
        }
    }
}
