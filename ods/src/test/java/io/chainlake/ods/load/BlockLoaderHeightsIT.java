package io.chainlake.ods.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.load.CoreBlockFiles.RealBlock;
import io.chainlake.ods.load.OdsTables.BlockRow;
import io.chainlake.ods.load.OdsTables.RejectRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks loaded without their parent: a height comes from the BIP34 coinbase or from --heights, and a block with
 * neither is a reject naming its hash and parent, never a block of unknown height in the warehouse.
 */
class BlockLoaderHeightsIT {

    /** data/README.md: block 277647, 213 transactions, its prevouts file has 732 lines. */
    private static final String BLOCK_277647 = "0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8";
    /** data/README.md and sample-blocks-2012-2019.heights: the first sample block, height 169482. */
    private static final String BLOCK_169482 = "0000000000000756935f1ee9d5987857b604046f846d3df56d024cdb5f368665";

    @TempDir
    Path dir;

    @Test
    void bip34BlockAloneGetsItsCoinbaseHeightAndPrevoutsLoadOnce() throws Exception {
        Path file = TestWarehouse.mainnetFile("block-277647.blk");
        Path prevouts = TestWarehouse.mainnetFile("block-277647.prevouts.jsonl");
        RealBlock block = CoreBlockFiles.mainnet("block-277647.blk").get(0);
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            LoaderRun run = LoaderRun.load(session, Network.MAIN, List.of(file), List.of(prevouts), null);

            String loadId = run.result().loadId();
            assertThat(run.problems()).isEmpty();
            assertThat(run.result()).isEqualTo(new LoadResult(loadId, 1, 1, 0, 0, 732));
            assertThat(OdsTables.blocks(session).rows()).containsExactly(new BlockRow(BLOCK_277647, block.prevHash(),
                    277647, "bip34", "main", file.toString(), 0, loadId));

            LoaderRun again = LoaderRun.load(session, Network.MAIN, List.of(file), List.of(prevouts), null);

            assertThat(again.problems()).isEmpty();
            assertThat(again.result()).isEqualTo(new LoadResult(again.result().loadId(), 1, 0, 1, 0, 732));
            assertThat(session.counts(List.of("ods.btc_block_raw", "ods.btc_prevout", "ods.btc_block_reject")))
                    .containsExactly(
                            Map.entry("ods.btc_block_raw", 1L),
                            Map.entry("ods.btc_prevout", 732L),
                            Map.entry("ods.btc_block_reject", 0L));
        }
    }

    @Test
    void preBip34BlockWithoutParentIsRejectedUntilHeightsPlaceIt() throws Exception {
        RealBlock block = CoreBlockFiles.mainnet("sample-blocks-2012-2019.blk").get(0);
        assertThat(block.hash()).isEqualTo(BLOCK_169482);
        assertThat(block.version()).as("pre-BIP34: no height in the coinbase").isEqualTo(1);
        Path blocks = dir.resolve("blocks");
        Files.createDirectories(blocks);
        Path file = Files.write(blocks.resolve("blk00000.dat"), CoreBlockFiles.records(List.of(block.raw())));
        Path heights = TestWarehouse.mainnetFile("sample-blocks-2012-2019.heights");
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            LoaderRun run = LoaderRun.load(session, blocks);

            String loadId = run.result().loadId();
            String reason = "block " + BLOCK_169482 + " has no known height: parent " + block.prevHash()
                    + " is not loaded, the coinbase carries no BIP34 height (version 1) and --heights does not list it";
            assertThat(run.problems()).containsExactly("blk00000.dat offset 0: " + reason);
            assertThat(run.result()).isEqualTo(new LoadResult(loadId, 1, 0, 0, 1, 0));
            assertThat(OdsTables.rejects(session)).containsExactly(
                    new RejectRow(file.toString(), 0, reason, BLOCK_169482, "main", loadId));
            assertThat(session.count("ods.btc_block_raw")).isZero();

            LoaderRun placed = LoaderRun.load(session, Network.MAIN, List.of(blocks), List.of(), heights);

            assertThat(placed.problems()).isEmpty();
            assertThat(placed.result()).isEqualTo(new LoadResult(placed.result().loadId(), 1, 1, 0, 0, 0));
            assertThat(OdsTables.blocks(session).rows()).containsExactly(new BlockRow(BLOCK_169482, block.prevHash(),
                    169482, "heights_file", "main", file.toString(), 0, placed.result().loadId()));
            // the reject table holds one row per file position ("a rerun updates, never duplicates"): once the block
            // at blk00000.dat offset 0 is loaded, a reject row saying it has no known height must not remain
            assertThat(OdsTables.rejects(session)).as("reject rows for a position whose block is now loaded").isEmpty();
        }
    }
}
