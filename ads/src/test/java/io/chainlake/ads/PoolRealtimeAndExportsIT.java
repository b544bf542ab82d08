package io.chainlake.ads;

import static io.chainlake.dws.pool.HandMadeShares.USER_1;
import static io.chainlake.dws.pool.HandMadeShares.USER_2;
import static io.chainlake.dws.pool.HandMadeShares.WORKER_11;
import static io.chainlake.dws.pool.HandMadeShares.WORKER_12;
import static io.chainlake.dws.pool.HandMadeShares.WORKER_21;
import static io.chainlake.dws.pool.HandMadeShares.figures;
import static io.chainlake.dws.pool.HandMadeShares.hour;
import static io.chainlake.dws.pool.HandMadeShares.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.dws.pool.HandMadeShares;
import io.chainlake.dws.pool.HandMadeShares.Figures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADS realtime tables and the MySQL exports over the hand-made shares (newest share 01:20:00, offline threshold
 * 600 s). The exports go to a database of this test run on the local MySQL-compatible server; the same shares are
 * then loaded and built again, and every MySQL figure must stay as it was.
 */
class PoolRealtimeAndExportsIT {

    private static final LocalDateTime AS_OF = LocalDateTime.parse("2024-04-20T01:20:00");
    private static final double TWO_32 = 4294967296.0;

    @TempDir
    static Path dir;

    static WarehouseSession session;
    static MysqlStore mysql;
    static Map<String, List<List<Object>>> firstExport;

    @BeforeAll
    static void buildAndExport() throws Exception {
        String database = "chainlake_pool_it_" + UUID.randomUUID().toString().substring(0, 8);
        ChainlakeConfig config = TestWarehouse.config(dir).with(ChainlakeConfig.MYSQL_POOL_DATABASE, database);
        session = WarehouseSession.batch(config);
        mysql = new MysqlStore(config.with(ChainlakeConfig.MYSQL_DATABASE, database));
        session.createTables(Layer.DWD);
        HandMadeShares.insert(session);
        buildAndRunExports();
        firstExport = mysqlTables();
    }

    private static void buildAndRunExports() throws Exception {
        LayerBuilder builder = new LayerBuilder(session);
        session.execute(builder.insertStatement(Layer.DWD, "pool_block_found")).await();
        builder.build(Layer.DWS, line -> {});
        builder.build(Layer.ADS, line -> {});
        new PoolExports(session).run(line -> {});
    }

    @AfterAll
    static void dropDatabaseAndClose() throws Exception {
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + mysql.database() + "`");
        }
        session.close();
    }

    @Test
    void workerRealtimeWindowsEndAtTheNewestShare() {
        Map<Long, Row> workers = new LinkedHashMap<>();
        session.query("SELECT worker_id, as_of, accept_1m, accept_15m, accept_1h, reject_1h, stale_15m, stale_1h, "
                + "hashrate_1h, accept_count, last_share_time, last_share_ip, status FROM ads.pool_worker_realtime")
                .forEach(r -> workers.put((Long) r.getField(0), r));
        assertThat(workers).containsOnlyKeys(WORKER_11, WORKER_12, WORKER_21);
        workers.values().forEach(r -> assertThat(r.getField(1)).isEqualTo(AS_OF));

        // worker 21: 01:20 SOLVED_STALE 16384 (stale), 01:05 ACCEPT 8192 (15 minutes back: 1h only), 00:40 ACCEPT
        // 16384, 00:41 STALE_SHARE 16384, 00:42 UNAUTHORIZED 4096
        Row w21 = workers.get(WORKER_21);
        assertThat(w21.getField(2)).isEqualTo(0L);
        assertThat(w21.getField(3)).isEqualTo(0L);
        assertThat(w21.getField(4)).isEqualTo(24576L);
        assertThat(w21.getField(5)).isEqualTo(4096L);
        assertThat(w21.getField(6)).isEqualTo(16384L);
        assertThat(w21.getField(7)).isEqualTo(32768L);
        assertThat((Double) w21.getField(8)).isCloseTo(24576 * TWO_32 / 3600, within(1e-3));
        assertThat(w21.getField(9)).isEqualTo(2L);
        assertThat(w21.getField(11)).isEqualTo("10.0.0.22");
        assertThat(w21.getField(12)).isEqualTo("online");

        // worker 11: newest share 01:09 from 10.0.0.99, 11 minutes before as_of: offline; 1h holds 01:09 and the
        // late 00:50 share
        Row w11 = workers.get(WORKER_11);
        assertThat(w11.getField(3)).isEqualTo(16384L);
        assertThat(w11.getField(4)).isEqualTo(16384L + 8192L);
        assertThat(w11.getField(9)).isEqualTo(4L);
        assertThat(w11.getField(10)).isEqualTo(LocalDateTime.parse("2024-04-20T01:09:00"));
        assertThat(w11.getField(11)).isEqualTo("10.0.0.99");
        assertThat(w11.getField(12)).isEqualTo("offline");
        assertThat(workers.get(WORKER_12).getField(4)).isEqualTo(32768L); // the SOLVED share at 00:30
        assertThat(workers.get(WORKER_12).getField(12)).isEqualTo("offline");
    }

    @Test
    void userRealtimeAndOverviewSumTheWorkers() {
        Map<Integer, Row> users = new LinkedHashMap<>();
        session.query("SELECT user_id, accept_1h, workers_online, workers_offline FROM ads.pool_user_realtime")
                .forEach(r -> users.put((Integer) r.getField(0), r));
        assertThat(users.get(USER_1).getField(1)).isEqualTo(16384L + 8192L + 32768L);
        assertThat(users.get(USER_1).getField(2)).isEqualTo(0L);
        assertThat(users.get(USER_1).getField(3)).isEqualTo(2L);
        assertThat(users.get(USER_2).getField(2)).isEqualTo(1L);

        List<Row> overview = session.query("SELECT dt, blocks_found, luck, as_of, hashrate_1h, workers_online, "
                + "active_workers FROM ads.pool_overview");
        assertThat(overview).hasSize(1);
        Row day = overview.get(0);
        assertThat(day.getField(0)).isEqualTo("2024-04-20");
        assertThat(day.getField(1)).isEqualTo(1L);
        assertThat((Double) day.getField(2)).isCloseTo(HandMadeShares.NETWORK_DIFF / 139264, within(1e-12));
        assertThat(day.getField(3)).isEqualTo(AS_OF);
        assertThat((Double) day.getField(4)).isCloseTo(81920 * TWO_32 / 3600, within(1e-3));
        assertThat(day.getField(5)).isEqualTo(1L);
        assertThat(day.getField(6)).isEqualTo(3L);
    }

    @Test
    void statsTablesHoldBtcpoolFiguresWithIntegerHoursAndDays() throws Exception {
        List<List<Object>> hours = firstExport.get("stats_workers_hour");
        assertThat(hours).hasSize(5);
        for (List<Object> row : hours) { // worker_id, puid, hour, share_accept, share_stale, share_reject, ... (btcpool's order)
            int hourOfDay = ((Number) row.get(2)).intValue() - 2024042000;
            assertThat(hourOfDay).isBetween(0, 1);
            Figures f = figures(worker(((Number) row.get(1)).intValue(), ((Number) row.get(0)).longValue())
                    .and(hour(hourOfDay)), 3600);
            assertThat(((Number) row.get(3)).longValue()).isEqualTo(f.shareAccept());
            assertThat(((Number) row.get(4)).longValue()).isEqualTo(f.shareStale());
            assertThat(((Number) row.get(5)).longValue()).isEqualTo(f.shareReject());
            assertThat(row.get(6)).isEqualTo(f.rejectDetail());
            assertThat(((Number) row.get(7)).doubleValue()).isCloseTo(f.rejectRate(), within(1e-12));
            assertThat(((Number) row.get(8)).doubleValue()).isCloseTo(f.score(), within(1e-9));
            assertThat(((Number) row.get(9)).longValue()).isCloseTo(f.earn(), within(1L));
        }
        assertThat(firstExport.get("stats_pool_day")).singleElement().satisfies(row -> {
            assertThat(((Number) row.get(0)).intValue()).isEqualTo(20240420);
            assertThat(((Number) row.get(1)).longValue()).isEqualTo(139264L);
        });
        assertThat(firstExport.get("stats_users_day")).hasSize(2);
        assertThat(firstExport.get("stats_pool_hour")).hasSize(2);
        assertThat(firstExport.get("mining_workers")).hasSize(3).anySatisfy(row -> {
            // worker_id, puid, accept_1h, accept_count, last_share_ip
            assertThat(((Number) row.get(0)).longValue()).isEqualTo(WORKER_21);
            assertThat(((Number) row.get(1)).intValue()).isEqualTo(USER_2);
            assertThat(((Number) row.get(2)).longValue()).isEqualTo(24576L);
            assertThat(((Number) row.get(3)).intValue()).isEqualTo(2);
            assertThat(row.get(4)).isEqualTo("10.0.0.22");
        });
    }

    @Test
    void foundBlocksHoldTheSolvingSharesInBtcpoolsColumns() throws Exception {
        // HandMadeShares offset 8 (SOLVED, worker 1002 of user 1, 00:30:00) and 15 (SOLVED_STALE, worker 2001 of
        // user 2, 01:20:00), both at height 840000 with nBits 0x1b0404cb; job id 100 + offset, nonce 1000 + offset
        List<List<Object>> blocks = new ArrayList<>();
        try (Connection c = mysql.connect(true); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT puid, worker_id, worker_full_name, job_id, height, is_orphaned, "
                        + "bits, created_at, nonce, hash, rewards FROM found_blocks ORDER BY created_at")) {
            while (rs.next()) {
                blocks.add(List.of(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                        rs.getInt(6), rs.getLong(7), rs.getTimestamp(8).toLocalDateTime(), rs.getLong(9),
                        String.valueOf(rs.getString(10)), String.valueOf(rs.getObject(11))));
            }
        }
        assertThat(blocks).containsExactly(
                List.of(USER_1, WORKER_12, "user-1.worker-1002", 108L, 840_000, 0, 0x1b0404cbL,
                        LocalDateTime.parse("2024-04-20T00:30:00"), 1008L, "null", "null"),
                List.of(USER_2, WORKER_21, "user-2.worker-2001", 115L, 840_000, 1, 0x1b0404cbL,
                        LocalDateTime.parse("2024-04-20T01:20:00"), 1015L, "null", "null"));
    }

    @Test
    void loadingTheSameSharesAgainChangesNoMysqlFigure() throws Exception {
        HandMadeShares.insert(session);
        buildAndRunExports();
        Map<String, List<List<Object>>> second = mysqlTables();
        assertThat(second.keySet()).containsExactlyInAnyOrderElementsOf(PoolExports.tables());
        second.forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(firstExport.get(table)));
    }

    /** Every exported table's figures (no id, created_at, updated_at), in key order. */
    private static Map<String, List<List<Object>>> mysqlTables() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String table : PoolExports.tables()) {
            queries.put(table, table.equals("mining_workers")
                    ? "SELECT worker_id, puid, accept_1h, accept_count, last_share_ip, accept_1m, accept_5m, accept_15m,"
                            + " stale_15m, reject_15m, stale_1h, reject_1h, last_share_time FROM mining_workers"
                            + " ORDER BY puid, worker_id"
                    : "SELECT * FROM " + table + " ORDER BY 2, 3");
        }
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        try (Connection c = mysql.connect(true); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(q.getValue())) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String name = meta.getColumnName(i);
                            if (!List.of("id", "created_at", "updated_at").contains(name)) {
                                row.add(rs.getObject(i));
                            }
                        }
                        rows.add(row);
                    }
                }
                tables.put(q.getKey(), rows);
            }
        }
        return tables;
    }
}
