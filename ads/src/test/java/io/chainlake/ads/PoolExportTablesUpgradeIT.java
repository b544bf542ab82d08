package io.chainlake.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An export table that already exists in an older shape, on the local MySQL-compatible server, is brought to the
 * shape of its DDL file without losing a row: btcpool's stats_workers_hour from before its db.change.sql (no
 * share_stale, reject_detail) as chainlake created it before 2026-11-29 (user column uid), and a rerun changes
 * nothing.
 */
class PoolExportTablesUpgradeIT {

    private static final String DATABASE = "chainlake_pool_it_upgrade";

    @Test
    void anOlderStatsTableGetsTheRenamedAndTheMissingColumnsAndKeepsItsRows() throws Exception {
        MysqlStore mysql = new MysqlStore(
                ChainlakeConfig.defaultsWith(Map.of(ChainlakeConfig.MYSQL_DATABASE, DATABASE)));
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            s.execute("CREATE DATABASE `" + DATABASE + "`");
            s.execute("CREATE TABLE `" + DATABASE + "`.`stats_workers_hour` ("
                    + " `id` BIGINT NOT NULL AUTO_INCREMENT, `worker_id` BIGINT NOT NULL, `uid` INT NOT NULL,"
                    + " `hour` INT NOT NULL, `share_accept` BIGINT NOT NULL DEFAULT 0,"
                    + " `share_reject` BIGINT NOT NULL DEFAULT 0, `reject_rate` DOUBLE NOT NULL DEFAULT 0,"
                    + " `score` DECIMAL(35, 25) NOT NULL DEFAULT 0, `earn` BIGINT NOT NULL DEFAULT 0,"
                    + " `created_at` TIMESTAMP NULL DEFAULT NULL, `updated_at` TIMESTAMP NULL DEFAULT NULL,"
                    + " PRIMARY KEY (`id`), UNIQUE KEY `uid_worker_id_hour` (`uid`, `worker_id`, `hour`))");
            s.execute("INSERT INTO `" + DATABASE + "`.`stats_workers_hour` (worker_id, uid, `hour`, share_accept)"
                    + " VALUES (-7, 3, 2024030100, 65536)");
        }
        try {
            mysql.ensureTable("mysql/pool/stats_workers_hour.sql");
            List<String> once = shape(mysql);
            assertThat(once).containsSubsequence("id", "worker_id", "puid", "hour", "share_accept", "share_stale",
                    "share_reject", "reject_detail", "reject_rate").doesNotContain("uid");
            assertThat(once).contains("index puid_worker_id_hour").doesNotContain("index uid_worker_id_hour");
            assertThat(rows(mysql)).containsExactly("-7 3 2024030100 65536 0 ''");

            mysql.ensureTable("mysql/pool/stats_workers_hour.sql");
            assertThat(shape(mysql)).as("a rerun changes nothing").isEqualTo(once);
            // the export's upsert now lands on the renamed key: the same worker-hour is updated, not added
            try (Connection c = mysql.connect(true); Statement s = c.createStatement()) {
                s.execute("INSERT INTO stats_workers_hour (worker_id, puid, `hour`, share_accept, share_stale,"
                        + " reject_detail) VALUES (-7, 3, 2024030100, 131072, 1, '{}') ON DUPLICATE KEY UPDATE"
                        + " share_accept = VALUES(share_accept), share_stale = VALUES(share_stale),"
                        + " reject_detail = VALUES(reject_detail)");
            }
            assertThat(rows(mysql)).containsExactly("-7 3 2024030100 131072 1 '{}'");
        } finally {
            try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            }
        }
    }

    /** Column names in table order, then "index NAME" for each index. */
    private static List<String> shape(MysqlStore mysql) throws Exception {
        List<String> shape = new ArrayList<>();
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = '" + DATABASE + "' AND table_name = 'stats_workers_hour'"
                    + " ORDER BY ordinal_position")) {
                while (rs.next()) {
                    shape.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT index_name FROM information_schema.statistics"
                    + " WHERE table_schema = '" + DATABASE + "' AND table_name = 'stats_workers_hour' ORDER BY 1")) {
                while (rs.next()) {
                    shape.add("index " + rs.getString(1));
                }
            }
        }
        return shape;
    }

    private static List<String> rows(MysqlStore mysql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = mysql.connect(true); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT worker_id, puid, `hour`, share_accept, share_stale, reject_detail"
                        + " FROM stats_workers_hour")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " '" + rs.getString(6) + "'");
            }
        }
        return rows;
    }
}
