package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainlake.catalog.TestWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's quality gate stops what a failed check covers and nothing else. Real block 277647 is loaded with a
 * prevout file corrupted on purpose: one spent output's value moved to an output another transaction spends. The
 * block's total fees stay right (so the coinbase check passes) but one transaction now has a negative fee, which
 * the error check dwd/btc_tx__matches_inputs_and_outputs catches: what reads dwd.btc_tx above is not built, what does not
 * (outputs per script type, addresses per day) is.
 */
class QualityGateIT {

    static final String FAILED_CHECK = "dwd/btc_tx__matches_inputs_and_outputs";
    /** data/README.md: block 277647 was mined on 2013-12-30 and its coinbase claims a 25 BTC subsidy. */
    static final String BLOCK_DAY = "2013-12-30";
    static final long SUBSIDY_SAT = 2_500_000_000L;

    @TempDir
    static Path dir;

    static String warehouse;
    static CliRun build;
    static long prevoutValueSat;

    @BeforeAll
    static void loadCorruptedPrevoutsAndBuild() throws Exception {
        warehouse = dir.resolve("wh").toString();
        Path data = TestWarehouse.mainnetData();
        ObjectMapper json = new ObjectMapper();
        List<ObjectNode> prevouts = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("block-277647.prevouts.jsonl"))) {
            prevouts.add((ObjectNode) json.readTree(line));
        }
        prevoutValueSat = prevouts.stream().mapToLong(p -> p.get("value_sat").asLong()).sum();
        // lines 1 and 3 are spent by different transactions: the first loses its whole value, the third gains it
        long moved = prevouts.get(0).get("value_sat").asLong();
        prevouts.get(0).put("value_sat", 0L);
        prevouts.get(2).put("value_sat", prevouts.get(2).get("value_sat").asLong() + moved);
        List<String> lines = new ArrayList<>();
        for (ObjectNode p : prevouts) {
            lines.add(json.writeValueAsString(p));
        }
        Path corrupted = Files.write(dir.resolve("block-277647.corrupted-prevouts.jsonl"), lines);

        CliRun load = cli("load-blocks", data.resolve("block-277647.blk").toString(), "--prevouts",
                corrupted.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        build = cli("build");
    }

    static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--warehouse", warehouse, "--set", "parallelism=1"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    static String single(String sql) {
        CliRun q = cli("query", sql);
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.lines()).as(sql).hasSize(2);
        return q.lines().get(1);
    }

    @Test
    void theBuildFailsNamingTheCheckAndItsFirstViolations() {
        assertThat(build.exitCode()).as(build.out()).isNotZero();
        assertThat(build.err()).contains("quality gate: fail  " + FAILED_CHECK).contains("negative fee")
                .contains("error: 1 error check(s) failed").contains(FAILED_CHECK);
        assertThat(build.err().lines().filter(l -> l.startsWith("quality gate: fail"))).hasSize(1);
    }

    @Test
    void tablesReadingTheFailedTableAreNotBuilt() {
        for (String table : List.of("dws.btc_block_stats", "dws.btc_chain_day", "dws.btc_large_tx_flow",
                "dws.btc_pool_day", "ads.chain_daily_report", "ads.fee_market_day", "ads.difficulty_epoch")) {
            assertThat(single("SELECT COUNT(*) FROM " + table)).as(table).isEqualTo("0");
        }
        assertThat(build.out())
                .contains("skipped dws.btc_block_stats: input dwd.btc_tx failed check " + FAILED_CHECK)
                .contains("skipped ads.chain_daily_report: input dwd.btc_tx failed check " + FAILED_CHECK)
                .doesNotContain("skipped dws.btc_script_type_day").doesNotContain("skipped ads.address_rank_day");
    }

    @Test
    void tablesThatDoNotReadItAreBuilt() {
        // every output of the block: what its inputs spend (the prevout file, total unchanged) plus the subsidy,
        // since the coinbase claims exactly subsidy + fees (data/README.md)
        assertThat(single("SELECT SUM(value_sat) FROM dws.btc_script_type_day WHERE dt = '" + BLOCK_DAY + "'"))
                .isEqualTo(String.valueOf(prevoutValueSat + SUBSIDY_SAT));
        assertThat(single("SELECT COUNT(*) > 0 FROM dws.btc_address_day WHERE dt = '" + BLOCK_DAY + "'"))
                .isEqualTo("true");
        assertThat(single("SELECT COUNT(*) > 0 FROM ads.address_rank_day WHERE dt = '" + BLOCK_DAY + "'"))
                .isEqualTo("true");
    }

    @Test
    void theFailureIsRecordedAndChecksOfTablesNotBuiltDoNotRun() {
        assertThat(single("SELECT status FROM dq.check_result WHERE check_name = 'btc_tx__matches_inputs_and_outputs'"))
                .isEqualTo("fail");
        assertThat(single("SELECT COUNT(*) FROM dq.check_result WHERE table_name = 'dws.btc_block_stats'"))
                .isEqualTo("0");
        assertThat(single("SELECT status FROM dq.check_result WHERE check_name = 'btc_script_type_day__matches_dwd'"))
                .isEqualTo("pass");
    }

    @Test
    void theGateLeavesTheRecomputeChecksToQualityRun() {
        assertThat(single("SELECT COUNT(*) FROM dq.check_result WHERE check_name LIKE '%__matches_job'"))
                .as("recompute checks run by the build").isEqualTo("0");
        // on demand: dws.btc_script_type_day was built (it does not read dwd.btc_tx) and is what its job computes
        CliRun run = cli("quality", "run", "--layer", "dws", "--check", "btc_script_type_day__matches_job");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(single("SELECT status FROM dq.check_result WHERE check_name = 'btc_script_type_day__matches_job'"))
                .isEqualTo("pass");
    }
}
