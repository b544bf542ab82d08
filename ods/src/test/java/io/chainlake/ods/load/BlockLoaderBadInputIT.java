package io.chainlake.ods.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.blockfile.Network;
import io.chainlake.ods.load.CoreBlockFiles.RealBlock;
import io.chainlake.ods.load.OdsTables.BlockRow;
import io.chainlake.ods.load.OdsTables.RejectRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bitcoinj.base.Sha256Hash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged block files through the whole loader, on real Paimon tables: each bad record is one reject row and
 * one problem line naming file and offset, every other block is loaded once, and a block that can no longer be
 * placed because its parent was lost is a reject of its own, never a silent skip.
 */
class BlockLoaderBadInputIT {

    /** The real blocks of heights 0-438, in height order (data/README.md). */
    private static List<RealBlock> chain;
    private static byte[] chainFile;

    @TempDir
    Path dir;

    private WarehouseSession session;

    @BeforeAll
    static void readChain() throws Exception {
        chain = CoreBlockFiles.mainnet("blocks-000000-000438.blk");
        chainFile = Files.readAllBytes(TestWarehouse.mainnetFile("blocks-000000-000438.blk"));
    }

    @BeforeEach
    void openWarehouse() {
        session = WarehouseSession.batch(TestWarehouse.config(dir));
    }

    @AfterEach
    void closeWarehouse() {
        session.close();
    }

    private static BlockRow loaded(RealBlock b, Path file, long offset, String loadId) {
        return new BlockRow(b.hash(), b.prevHash(), null, null, "main", file.toString(), offset, loadId);
    }

    /** Blocks {@code from..to-1} of the chain, loaded from their original offsets in {@code file}. */
    private static List<BlockRow> loaded(int from, int to, Path file, String loadId) {
        return chain.subList(from, to).stream().map(b -> loaded(b, file, b.offset(), loadId)).toList();
    }

    private static String noKnownHeight(RealBlock b) {
        return "block " + b.hash() + " has no known height: parent " + b.prevHash() + " is not loaded, the coinbase"
                + " carries no BIP34 height (version 1) and --heights does not list it";
    }

    /** Reject rows for blocks {@code from..to-1}, each orphaned by the loss of its parent. */
    private static List<RejectRow> orphans(int from, int to, Path file, String loadId) {
        return chain.subList(from, to).stream().map(b -> new RejectRow(file.toString(), b.offset(), noKnownHeight(b),
                b.hash(), "main", loadId)).toList();
    }

    @Test
    void truncatedFileLoadsTheBlocksBeforeTheCutAndRejectsTheCutBlock() throws Exception {
        RealBlock cut = chain.get(438);
        long cutAt = cut.offset() + 8 + cut.raw().length / 2;
        Path file = Files.write(dir.resolve("blk00000.dat"), Arrays.copyOf(chainFile, (int) cutAt));

        LoaderRun run = LoaderRun.load(session, file);

        String loadId = run.result().loadId();
        String reason = "block length " + cut.raw().length + " past end of file (" + (cutAt - cut.offset() - 8)
                + " bytes left)";
        assertThat(run.problems()).containsExactly("blk00000.dat offset " + cut.offset() + ": " + reason);
        assertThat(run.result()).isEqualTo(new LoadResult(loadId, 438, 438, 0, 1, 0));
        assertThat(OdsTables.rejects(session)).containsExactly(
                new RejectRow(file.toString(), cut.offset(), reason, null, "main", loadId));
        assertThat(OdsTables.blocks(session).rows()).containsExactlyInAnyOrderElementsOf(loaded(0, 438, file, loadId));
    }

    @Test
    void corruptedMagicInAnObfuscatedFileRejectsOnlyThatRecord() throws Exception {
        // Core 28+ layout: block 100's magic damaged before obfuscation; --heights places block 101 (height 101,
        // data/README.md), whose parent is lost with the bad record
        RealBlock hit = chain.get(100);
        RealBlock next = chain.get(101);
        byte[] records = chainFile.clone();
        byte[] badMagic = {0x12, 0x34, 0x56, 0x78};
        System.arraycopy(badMagic, 0, records, (int) hit.offset(), 4);
        byte[] key = new byte[8];
        new Random(7).nextBytes(key);
        Path blocks = dir.resolve("blocks");
        CoreBlockFiles.writeXorKey(blocks, key);
        Path file = blocks.resolve("blk00000.dat");
        CoreBlockFiles.writeBlkFile(file, records, key);
        Path heights = Files.writeString(dir.resolve("heights.csv"), "block_hash,height\n" + next.hash() + ",101\n");

        LoaderRun run = LoaderRun.load(session, Network.MAIN, List.of(blocks), List.of(), heights);

        String loadId = run.result().loadId();
        String reason = "wrong magic 0x12345678 (expected 0xf9beb4d9 for main); skipped "
                + (next.offset() - hit.offset()) + " bytes to the next magic at offset " + next.offset();
        assertThat(run.problems()).containsExactly("blk00000.dat offset " + hit.offset() + ": " + reason);
        assertThat(run.result()).isEqualTo(new LoadResult(loadId, 438, 438, 0, 1, 0));
        assertThat(OdsTables.rejects(session)).containsExactly(
                new RejectRow(file.toString(), hit.offset(), reason, null, "main", loadId));
        List<BlockRow> expected = new ArrayList<>(loaded(0, 100, file, loadId));
        expected.add(new BlockRow(next.hash(), next.prevHash(), 101, "heights_file", "main", file.toString(),
                next.offset(), loadId));
        expected.addAll(loaded(102, 439, file, loadId));
        assertThat(OdsTables.blocks(session).rows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void corruptedTransactionByteRejectsTheBlockAndEachDescendantItOrphans() throws Exception {
        RealBlock hit = chain.get(150);
        assertThat(hit.raw()[80]).as("block 150 holds one transaction, its coinbase").isEqualTo((byte) 1);
        byte[] bytes = chainFile.clone();
        // a byte of the coinbase scriptSig: still a transaction, but no longer the one the header commits to
        int inCoinbaseScript = (int) hit.offset() + 8 + 80 + 1 + 4 + 1 + 36 + 1 + 2;
        bytes[inCoinbaseScript] ^= 0x01;
        Path file = Files.write(dir.resolve("blk00000.dat"), bytes);
        // with one transaction the merkle root is its txid: double SHA-256 of the damaged transaction bytes
        byte[] damagedTx = Arrays.copyOfRange(bytes, (int) hit.offset() + 8 + 81, (int) hit.offset() + 8 + hit.raw().length);
        String damagedRoot = Sha256Hash.wrapReversed(Sha256Hash.hashTwice(damagedTx)).toString();

        LoaderRun run = LoaderRun.load(session, file);

        String loadId = run.result().loadId();
        String reason = "undecodable block: merkle root mismatch: header has " + hit.merkleRoot()
                + ", transactions give " + damagedRoot;
        List<RejectRow> expectedRejects = new ArrayList<>();
        expectedRejects.add(new RejectRow(file.toString(), hit.offset(), reason, null, "main", loadId));
        expectedRejects.addAll(orphans(151, 439, file, loadId));
        List<String> expectedProblems = new ArrayList<>();
        expectedProblems.add("blk00000.dat offset " + hit.offset() + ": " + reason);
        chain.subList(151, 439).forEach(b -> expectedProblems.add("blk00000.dat offset " + b.offset() + ": "
                + noKnownHeight(b)));

        assertThat(run.problems()).containsExactlyInAnyOrderElementsOf(expectedProblems);
        assertThat(run.result()).isEqualTo(new LoadResult(loadId, 438, 150, 0, 289, 0));
        assertThat(OdsTables.rejects(session)).containsExactlyInAnyOrderElementsOf(expectedRejects);
        List<BlockRow> expectedBlocks = loaded(0, 150, file, loadId);
        assertThat(OdsTables.blocks(session).rows()).containsExactlyInAnyOrderElementsOf(expectedBlocks);

        // a rerun finds the same problems: the reject rows are updated in place (key: file and offset), not added
        LoaderRun again = LoaderRun.load(session, file);

        String againId = again.result().loadId();
        assertThat(again.problems()).containsExactlyInAnyOrderElementsOf(expectedProblems);
        assertThat(again.result()).isEqualTo(new LoadResult(againId, 438, 0, 150, 289, 0));
        List<RejectRow> updated = new ArrayList<>();
        updated.add(new RejectRow(file.toString(), hit.offset(), reason, null, "main", againId));
        updated.addAll(orphans(151, 439, file, againId));
        assertThat(OdsTables.rejects(session)).containsExactlyInAnyOrderElementsOf(updated);
        assertThat(session.count("ods.btc_block_raw")).isEqualTo(150);
    }

    @Test
    void wrongNetworkRejectsEveryFileAndFailsClearly() throws Exception {
        Path chainPath = TestWarehouse.mainnetFile("blocks-000000-000438.blk");
        Path single = TestWarehouse.mainnetFile("block-277647.blk");
        List<String> problems = new ArrayList<>();
        BlockLoader regtest = new BlockLoader(session, Network.REGTEST, line -> { }, problems::add);

        assertThatThrownBy(() -> regtest.load(List.of(chainPath, single), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no block found in " + List.of(chainPath, single) + " for network regtest"
                        + " (2 bad records, see ods.btc_block_reject)");

        String reason = "wrong magic 0xf9beb4d9 (expected 0xfabfb5da for regtest); no further regtest magic in the file";
        assertThat(problems).containsExactly("blocks-000000-000438.blk offset 0: " + reason,
                "block-277647.blk offset 0: " + reason);
        List<RejectRow> rejects = OdsTables.rejects(session);
        assertThat(rejects).extracting(RejectRow::sourceFile, RejectRow::sourceOffset, RejectRow::reason,
                RejectRow::blockHash, RejectRow::network).containsExactlyInAnyOrder(
                        tuple(chainPath.toString(), 0L, reason, null, "regtest"),
                        tuple(single.toString(), 0L, reason, null, "regtest"));
        assertThat(rejects).extracting(RejectRow::loadId).doesNotContainNull().containsOnly(rejects.get(0).loadId());
        assertThat(session.count("ods.btc_block_raw")).isZero();
    }

    @Test
    void badPrevoutLineIsAnErrorNamingFileAndLineAndAFixedRerunLoadsEverything() throws Exception {
        Path file = TestWarehouse.mainnetFile("block-277647.blk");
        Path good = TestWarehouse.mainnetFile("block-277647.prevouts.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.set(2, "{\"txid\": \"zz\", \"vout\": 0}");
        Path bad = Files.write(dir.resolve("prevouts.jsonl"), lines);

        assertThatThrownBy(() -> LoaderRun.load(session, Network.MAIN, List.of(file), List.of(bad), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(bad + " line 3: txid 'zz' is not 64 hex digits");

        // whatever the failed run left, a rerun with the fixed file ends with everything loaded once
        LoaderRun fixed = LoaderRun.load(session, Network.MAIN, List.of(file), List.of(good), null);

        assertThat(fixed.problems()).isEmpty();
        assertThat(fixed.result().blocksAdded() + fixed.result().alreadyLoaded()).isEqualTo(1);
        assertThat(fixed.result().prevouts()).isEqualTo(732);
        assertThat(session.counts(List.of("ods.btc_block_raw", "ods.btc_prevout", "ods.btc_block_reject")))
                .containsExactly(Map.entry("ods.btc_block_raw", 1L), Map.entry("ods.btc_prevout", 732L),
                        Map.entry("ods.btc_block_reject", 0L));
    }
}
