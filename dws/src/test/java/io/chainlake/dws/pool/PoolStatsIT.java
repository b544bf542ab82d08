package io.chainlake.dws.pool;

import static io.chainlake.dws.pool.HandMadeShares.USER_1;
import static io.chainlake.dws.pool.HandMadeShares.USER_2;
import static io.chainlake.dws.pool.HandMadeShares.WORKER_11;
import static io.chainlake.dws.pool.HandMadeShares.WORKER_12;
import static io.chainlake.dws.pool.HandMadeShares.WORKER_21;
import static io.chainlake.dws.pool.HandMadeShares.figures;
import static io.chainlake.dws.pool.HandMadeShares.hour;
import static io.chainlake.dws.pool.HandMadeShares.user;
import static io.chainlake.dws.pool.HandMadeShares.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.dws.pool.HandMadeShares.Figures;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool statistics tables over the hand-made shares, against btcpool's formulas evaluated in the test. */
class PoolStatsIT {

    private static final String FIGURES = "share_accept, share_stale, share_reject, reject_detail, reject_rate, score, "
            + "earn, hashrate, accept_count, reject_count";

    @TempDir
    static Path dir;

    static WarehouseSession session;

    @BeforeAll
    static void build() throws Exception {
        session = WarehouseSession.batch(TestWarehouse.config(dir));
        session.createTables(Layer.DWD);
        HandMadeShares.insert(session);
        new LayerBuilder(session).build(Layer.DWS, line -> {});
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void workerHoursFollowBtcpoolFormulas() {
        List<Row> rows = session.query("SELECT user_id, worker_id, window_start, dt, " + FIGURES
                + " FROM dws.pool_worker_hour");
        assertThat(rows).hasSize(5);
        for (Row r : rows) {
            int userId = (Integer) r.getField(0);
            long workerId = (Long) r.getField(1);
            LocalDateTime start = (LocalDateTime) r.getField(2);
            assertThat(r.getField(3)).isEqualTo("2024-04-20");
            assertFigures(r, 4, figures(worker(userId, workerId).and(hour(start.getHour())), 3600));
        }
        // worker 11, hour 0: accepted 8192 + 16384 + the late 8192; stale 8192 (ACCEPT_STALE) + 8192 (reject 21);
        // rejected 8192 DUPLICATE_SHARE: reject_rate 8192 / (32768 + 8192) = 0.2
        Row w11 = one("SELECT " + FIGURES + " FROM dws.pool_worker_hour WHERE worker_id = " + WORKER_11
                + " AND window_start = TIMESTAMP '2024-04-20 00:00:00'");
        assertThat(w11.getField(0)).isEqualTo(32768L);
        assertThat(w11.getField(1)).isEqualTo(16384L);
        assertThat(w11.getField(2)).isEqualTo(8192L);
        assertThat(w11.getField(3)).isEqualTo("{\"DUPLICATE_SHARE\":8192}");
        assertThat((Double) w11.getField(4)).isCloseTo(0.2, within(1e-12));
        assertThat((Double) w11.getField(7)).isCloseTo(32768 * 4294967296.0 / 3600, within(1e-3));
    }

    @Test
    void minutesDaysUsersAndPoolFollowBtcpoolFormulas() {
        for (Row r : session.query("SELECT user_id, worker_id, window_start, " + FIGURES + " FROM dws.pool_worker_minute")) {
            LocalDateTime start = (LocalDateTime) r.getField(2);
            Predicate<HandMadeShares.Share> minute = s -> s.shareTime().withSecond(0).equals(start);
            assertFigures(r, 3, figures(worker((Integer) r.getField(0), (Long) r.getField(1)).and(minute), 60));
        }
        // 15 shares; worker 11 sent offsets 1-2 in minute 00:00 and 3-4 in minute 00:01
        assertThat(session.count("dws.pool_worker_minute")).isEqualTo(13);
        List<Row> days = session.query("SELECT user_id, worker_id, " + FIGURES + " FROM dws.pool_worker_day");
        assertThat(days).hasSize(3);
        days.forEach(r -> assertFigures(r, 2, figures(worker((Integer) r.getField(0), (Long) r.getField(1)), 86400)));
        List<Row> userHours = session.query("SELECT user_id, window_start, " + FIGURES + " FROM dws.pool_user_hour");
        assertThat(userHours).hasSize(4);
        userHours.forEach(r -> assertFigures(r, 2, figures(user((Integer) r.getField(0))
                .and(hour(((LocalDateTime) r.getField(1)).getHour())), 3600)));
        List<Row> userDays = session.query("SELECT user_id, " + FIGURES + " FROM dws.pool_user_day");
        assertThat(userDays).extracting(r -> r.getField(0)).containsExactlyInAnyOrder(USER_1, USER_2);
        userDays.forEach(r -> assertFigures(r, 1, figures(user((Integer) r.getField(0)), 86400)));
        List<Row> poolHours = session.query("SELECT window_start, " + FIGURES + " FROM dws.pool_hour");
        assertThat(poolHours).hasSize(2);
        poolHours.forEach(r -> assertFigures(r, 1, figures(hour(((LocalDateTime) r.getField(0)).getHour()), 3600)));
        assertFigures(one("SELECT " + FIGURES + " FROM dws.pool_day"), 0, figures(s -> true, 86400));
    }

    @Test
    void poolDayCountsTheFoundBlockAndItsLuck() {
        Row day = one("SELECT block_count, found_network_diff, luck, active_workers, active_users, share_accept, "
                + "reject_detail FROM dws.pool_day");
        assertThat(day.getField(0)).isEqualTo(1L); // offset 8, SOLVED; the SOLVED_STALE share found no block
        assertThat((Double) day.getField(1)).isCloseTo(HandMadeShares.NETWORK_DIFF, within(1e-9));
        // accepted: 8192 + 16384 + 32768 + 32768 + 16384 + 8192 + 16384 + 8192 = 139264
        assertThat(day.getField(5)).isEqualTo(139264L);
        assertThat((Double) day.getField(2)).isCloseTo(HandMadeShares.NETWORK_DIFF / 139264, within(1e-12));
        assertThat(day.getField(3)).isEqualTo(3L);
        assertThat(day.getField(4)).isEqualTo(2L);
        assertThat(day.getField(6)).isEqualTo("{\"DUPLICATE_SHARE\":8192,\"LOW_DIFFICULTY\":4096,\"UNAUTHORIZED\":4096}");
    }

    @Test
    void earnUsesTheSubsidyAtEachSharesHeight() {
        // worker 12 day: 32768 at 839999 and 32768 at 840000, both above the network difficulty (score 1 each):
        // earn 1 x 6.25 BTC + 1 x 3.125 BTC
        Row w12 = one("SELECT score, earn FROM dws.pool_worker_day WHERE worker_id = " + WORKER_12);
        assertThat((Double) w12.getField(0)).isCloseTo(2.0, within(1e-12));
        assertThat(w12.getField(1)).isEqualTo(937_500_000L);
    }

    @Test
    void theLateShareIsListedAndStillCounted() {
        List<Row> late = session.query("SELECT source_offset, worker_id, newest_before_time, late_by_s "
                + "FROM dws.pool_share_late");
        assertThat(late).hasSize(1);
        assertThat(late.get(0).getField(0)).isEqualTo(HandMadeShares.LATE_SHARE_OFFSET);
        assertThat(late.get(0).getField(1)).isEqualTo(WORKER_11);
        assertThat(late.get(0).getField(2)).isEqualTo(LocalDateTime.parse("2024-04-20T01:09:00"));
        assertThat(late.get(0).getField(3)).isEqualTo(19 * 60L);
    }

    @Test
    void aReplayedLogChangesNothing() throws Exception {
        List<Row> before = session.query("SELECT * FROM dws.pool_worker_hour ORDER BY worker_id, window_start");
        HandMadeShares.insert(session); // dwd.pool_share is first-row: the same shares again are the same keys
        new LayerBuilder(session).build(Layer.DWS, line -> {});
        assertThat(session.query("SELECT * FROM dws.pool_worker_hour ORDER BY worker_id, window_start"))
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(before);
    }

    private static void assertFigures(Row row, int first, Figures expected) {
        assertThat(row.getField(first)).as("share_accept of %s", row).isEqualTo(expected.shareAccept());
        assertThat(row.getField(first + 1)).as("share_stale of %s", row).isEqualTo(expected.shareStale());
        assertThat(row.getField(first + 2)).as("share_reject of %s", row).isEqualTo(expected.shareReject());
        assertThat(row.getField(first + 3)).as("reject_detail of %s", row).isEqualTo(expected.rejectDetail());
        assertThat((Double) row.getField(first + 4)).as("reject_rate of %s", row)
                .isCloseTo(expected.rejectRate(), within(1e-12));
        assertThat((Double) row.getField(first + 5)).as("score of %s", row).isCloseTo(expected.score(), within(1e-9));
        assertThat((Long) row.getField(first + 6)).as("earn of %s", row).isCloseTo(expected.earn(), within(1L));
        assertThat((Double) row.getField(first + 7)).as("hashrate of %s", row)
                .isCloseTo(expected.hashrate(), within(expected.hashrate() * 1e-12));
        assertThat(row.getField(first + 8)).as("accept_count of %s", row).isEqualTo(expected.acceptCount());
        assertThat(row.getField(first + 9)).as("reject_count of %s", row).isEqualTo(expected.rejectCount());
    }

    private static Row one(String sql) {
        List<Row> rows = session.query(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }
}
