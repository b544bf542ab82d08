package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate-chain --reorg-depth D}: two block files a new user can load or replay to see a reorg. Loaded
 * together they are one tree: every block but genesis finds its parent, and the branch hangs off the chain's block
 * D below its tip, with one block more than the blocks it replaces.
 */
class GenerateChainCliIT {

    private static final Pattern REPLACED = Pattern.compile("^ {2}(\\d+) ([0-9a-f]{64})$");
    private static final Pattern BRANCH_FIRST = Pattern.compile("^branch: .* first ([0-9a-f]{64}), tip ");

    @Test
    void aChainAndABranchThatReplacesItsTopBlocks(@TempDir Path dir) {
        Path out = dir.resolve("reorg");
        CliRun generated = CliRun.of("generate-chain", "--blocks", "12", "--txs-per-block", "3", "--reorg-depth", "3",
                "--out", out.toString()).assertOk();
        assertThat(generated.out()).contains("reorg: branch.blk forks from height 8 and replaces 3 blocks");
        List<String> replaced = generated.lines().stream().filter(l -> REPLACED.matcher(l).matches()).toList();
        assertThat(replaced).extracting(l -> l.trim().split(" ")[0]).containsExactly("9", "10", "11");
        String branchFirst = generated.lines().stream().map(BRANCH_FIRST::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow();

        String warehouse = dir.resolve("wh").toString();
        CliRun loaded = CliRun.of("--warehouse", warehouse, "--set", "network=regtest", "load-blocks", "--network",
                "regtest", out.resolve("chain.blk").toString(), out.resolve("branch.blk").toString()).assertOk();
        assertThat(loaded.out() + loaded.err()).contains("loaded 16 new blocks").contains("0 rejected");

        assertThat(query(warehouse, "SELECT COUNT(*) FROM ods.btc_block_raw AS r JOIN ods.btc_block_raw AS p"
                + " ON r.prev_block_hash = p.block_hash")).as("blocks whose parent was loaded").isEqualTo("15");
        assertThat(query(warehouse, "SELECT p.height_hint FROM ods.btc_block_raw AS r JOIN ods.btc_block_raw AS p"
                + " ON r.prev_block_hash = p.block_hash WHERE r.block_hash = '" + branchFirst + "'"))
                .as("height of the branch's parent (BIP34)").isEqualTo("8");
        for (String line : replaced) {
            String[] heightAndHash = line.trim().split(" ");
            assertThat(query(warehouse, "SELECT height_hint FROM ods.btc_block_raw WHERE block_hash = '"
                    + heightAndHash[1] + "'")).as("BIP34 height of replaced block %s", heightAndHash[1])
                    .isEqualTo(heightAndHash[0]);
        }
        assertThat(query(warehouse, "SELECT MAX(height_hint) FROM ods.btc_block_raw")).as("the branch's tip")
                .isEqualTo("12");
    }

    @Test
    void aReorgDeeperThanTheChainIsOneClearError(@TempDir Path dir) {
        CliRun run = CliRun.of("generate-chain", "--blocks", "12", "--reorg-depth", "12", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: --reorg-depth 12: give 1 to 11 (a branch replaces blocks above genesis)");
        assertThat(dir.resolve("chain.blk")).doesNotExist();
    }

    private static String query(String warehouse, String sql) {
        CliRun q = CliRun.of("--warehouse", warehouse, "--set", "network=regtest", "query", sql).assertOk();
        assertThat(q.lines()).as(sql).hasSize(2);
        return q.lines().get(1);
    }
}
