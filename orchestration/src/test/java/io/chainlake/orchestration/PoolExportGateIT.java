package io.chainlake.orchestration;

import static io.chainlake.orchestration.ShareFixtures.ACCEPT;
import static io.chainlake.orchestration.ShareFixtures.LOW_DIFFICULTY;
import static io.chainlake.orchestration.ShareFixtures.T0;
import static io.chainlake.orchestration.ShareFixtures.line;
import static io.chainlake.orchestration.ShareFixtures.share;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.ads.PoolExports;
import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.TestWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's gate does not write btcpool's MySQL tables from what a failed check blocks. A first build exports one
 * day of shares. More shares are loaded and built while MySQL is away, so the pool tables hold two days and MySQL
 * still one. Then real block 277647 is loaded, and one share message is copied into ods.pool_share_raw with an
 * encoding nobody decodes, which the error check ods/pool_share_raw__accepted_values catches: the last build builds
 * the chain tables from the block but none of the pool tables above the shares, and skips every pool export, so
 * MySQL keeps the first day as the first build wrote it (an export that ran would write the two days the pool
 * tables kept).
 */
class PoolExportGateIT {

    static final String POOL_DATABASE = "chainlake_pool_it_export_gate";
    static final String FAILED_CHECK = "ods/pool_share_raw__accepted_values";
    static final String BLOCKED = "input ods.pool_share_raw failed check " + FAILED_CHECK;

    @TempDir
    static Path dir;

    static String warehouse;
    static MysqlStore mysql;
    static Map<String, List<String>> exportedByFirstBuild;
    static CliRun corruption;
    static CliRun build;

    @BeforeAll
    static void exportThenBuildWithoutMysqlThenCorruptTheSharesAndBuildAgain() throws Exception {
        warehouse = dir.resolve("wh").toString();
        mysql = LocalMysql.withoutDatabases(new MysqlStore(ChainlakeConfig.defaultsWith(Map.of(
                ChainlakeConfig.MYSQL_DATABASE, POOL_DATABASE))), POOL_DATABASE);
        Path firstDay = Files.writeString(dir.resolve("shares-2024-03-01.jsonl"), String.join("\n",
                line(share(1001, 10001, ACCEPT, T0, 1)),
                line(share(1001, 10001, LOW_DIFFICULTY, T0 + 10, 2))) + "\n");
        Path secondDay = Files.writeString(dir.resolve("shares-2024-03-02.jsonl"), String.join("\n",
                line(share(1001, 10001, ACCEPT, T0 + 60, 3)),
                line(share(1001, 10001, ACCEPT, T0 + 86400, 4))) + "\n");

        assertOk(cli("load-shares", firstDay.toString()));
        assertOk(cli("build"));
        exportedByFirstBuild = exportedTables();

        assertOk(cli("load-shares", secondDay.toString()));
        CliRun withoutMysql = cli("--set", "mysql.url=jdbc:mysql://127.0.0.1:1", "build");
        assertOk(withoutMysql);
        assertThat(withoutMysql.err()).contains("the pool statistics are not exported to " + POOL_DATABASE);

        Path data = TestWarehouse.mainnetData();
        assertOk(cli("load-blocks", data.resolve("block-277647.blk").toString(), "--prevouts",
                data.resolve("block-277647.prevouts.jsonl").toString()));
        corruption = cli("query", "INSERT INTO ods.pool_share_raw SELECT source, source_name, source_partition,"
                + " source_offset + 100, 'xml', payload, load_id, received_at FROM ods.pool_share_raw"
                + " WHERE source_name LIKE '%/" + firstDay.getFileName() + "' AND source_offset = 1");
        build = cli("build");
    }

    @Test
    void theCorruptMessageIsARealRowOfTheSharesTable() {
        assertOk(corruption);
        assertThat(corruption.out()).contains("INSERT ods.pool_share_raw: 4 rows before, 5 after");
    }

    @Test
    void theBuildFailsNamingTheCheckAndTheExportsNotWritten() {
        assertThat(build.exitCode()).as(build.out()).isEqualTo(1);
        assertThat(build.err()).contains("quality gate: fail  " + FAILED_CHECK).contains("unknown encoding")
                .contains("error: 1 error check(s) failed").contains("mysql " + POOL_DATABASE + ".stats_pool_day")
                .contains("mysql " + POOL_DATABASE + ".found_blocks");
        for (String table : PoolExports.tables()) {
            assertThat(build.out()).contains("skipped mysql " + POOL_DATABASE + "." + table + ": " + BLOCKED);
        }
    }

    @Test
    void theMysqlTablesKeepTheFirstBuildsRows() throws Exception {
        // the first day only: one accepted and one rejected share of difficulty 65536 (ShareFixtures.share)
        assertThat(exportedByFirstBuild.get("stats_pool_day")).hasSize(1).first().asString()
                .startsWith("20240301|65536|0|65536|");
        assertThat(exportedTables()).isEqualTo(exportedByFirstBuild);
    }

    @Test
    void theChainTablesAreBuiltFromTheNewBlock() {
        // data/README.md: 213 transactions, fees 4,737,355 sat
        assertThat(single("SELECT CONCAT_WS('|', CAST(txs AS STRING), CAST(totalfee AS STRING))"
                + " FROM dws.btc_block_stats WHERE height = 277647")).isEqualTo("213|4737355");
        assertThat(build.out()).doesNotContain("skipped dws.btc_block_stats").doesNotContain("skipped dwd.btc_tx");
    }

    @Test
    void thePoolTablesKeepWhatTheBuildWithoutMysqlMade() {
        assertThat(cli("query", "SELECT dt, share_accept FROM dws.pool_day ORDER BY dt").lines())
                .containsExactly("dt,share_accept", "2024-03-01,131072", "2024-03-02,65536");
        assertThat(build.out()).contains("skipped dwd.pool_share: " + BLOCKED)
                .contains("skipped dws.pool_day: " + BLOCKED);
    }

    /** Every row of every exported MySQL table, its columns joined by '|', by table. */
    static Map<String, List<String>> exportedTables() throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = mysql.connect(true); Statement s = c.createStatement()) {
            for (String table : PoolExports.tables()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "` ORDER BY 1")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (!meta.getColumnName(i).equals("id")) {
                                row.add(rs.getString(i));
                            }
                        }
                        rows.add(String.join("|", row));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    static CliRun cli(String... args) {
        return CliRun.onPoolWarehouse(warehouse, POOL_DATABASE, args);
    }

    static void assertOk(CliRun run) {
        run.assertOk();
    }

    static String single(String sql) {
        CliRun q = cli("query", sql);
        assertOk(q);
        assertThat(q.lines()).as(sql).hasSize(2);
        return q.lines().get(1);
    }
}
