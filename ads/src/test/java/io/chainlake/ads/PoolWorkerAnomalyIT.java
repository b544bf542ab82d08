package io.chainlake.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ads.pool_worker_anomaly over hand-made dws.pool_worker_minute rows of 2024-04-20 (defaults: drop 0.5, reject rate
 * 0.1, offline 600 s). Newest share 02:00:30, so the last minute evaluated is 02:00. Every expected start and end
 * below is worked out by hand from the definitions in ads/README.md: "current" = accepted difficulty per minute over
 * the 5 minutes ending with a minute, "baseline" = per minute over the 60 minutes before those; a drop holds while
 * current &lt; baseline / 2.
 */
class PoolWorkerAnomalyIT {

    private static final String DAY = "2024-04-20T";
    /** Every minute 00:00-02:00 at 1000 per minute, except 01:10-01:19 at 200. */
    private static final long DIPPING = 101;
    /** Every minute 00:00-00:29 and 00:50-01:30, 1000 per minute; then silent. */
    private static final long VANISHING = 102;
    /** Every minute 01:00-01:59, 1000 accepted per minute, plus 1000 rejected at 01:20 and at 01:21. */
    private static final long REJECTING = 201;

    @TempDir
    static Path dir;

    static WarehouseSession session;
    static List<Row> anomalies;

    @BeforeAll
    static void build() throws Exception {
        session = WarehouseSession.batch(TestWarehouse.config(dir));
        session.createTables(Layer.DWS);
        session.createTables(Layer.ADS);
        // runs of equal minutes (user, worker, first and last minute of the day, accepted and rejected difficulty per
        // minute, second of the first and of the last share in each minute), one row per minute
        session.execute("""
                INSERT INTO dws.pool_worker_minute
                SELECT
                    '2024-04-20', user_id, CAST(worker_id AS BIGINT), TIMESTAMPADD(MINUTE, n, day_start),
                    CAST(accept AS BIGINT), CAST(0 AS BIGINT), CAST(reject AS BIGINT), '{}', 0.0, 0.0,
                    CAST(0 AS BIGINT), 0.0, CAST(1 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT),
                    TIMESTAMPADD(SECOND, first_s, TIMESTAMPADD(MINUTE, n, day_start)),
                    TIMESTAMPADD(SECOND, last_s, TIMESTAMPADD(MINUTE, n, day_start)), '10.0.0.1'
                FROM (
                    SELECT *, TIMESTAMP '2024-04-20 00:00:00' AS day_start
                    FROM (VALUES
                        (1, 101, 0, 69, 1000, 0, 5, 50),
                        (1, 101, 70, 79, 200, 0, 5, 50),
                        (1, 101, 80, 119, 1000, 0, 5, 50),
                        (1, 101, 120, 120, 1000, 0, 5, 30),
                        (1, 102, 0, 29, 1000, 0, 10, 40),
                        (1, 102, 50, 50, 1000, 0, 20, 50),
                        (1, 102, 51, 90, 1000, 0, 10, 40),
                        (2, 201, 60, 79, 1000, 0, 10, 50),
                        (2, 201, 80, 81, 1000, 1000, 10, 50),
                        (2, 201, 82, 119, 1000, 0, 10, 50)
                    ) AS runs (user_id, worker_id, first_minute, last_minute, accept, reject, first_s, last_s)
                )
                CROSS JOIN LATERAL TABLE(int_range(first_minute, last_minute)) AS o(n)
                """).await();
        session.createViews(Layer.ADS);
        session.execute(new LayerBuilder(session).insertStatement(Layer.ADS, "pool_worker_anomaly")).await();
        anomalies = session.query("SELECT worker_id, anomaly, started_at, ended_at, duration_s "
                + "FROM ads.pool_worker_anomaly ORDER BY worker_id, started_at, anomaly");
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static List<String> episodes(long workerId) {
        return anomalies.stream().filter(r -> (Long) r.getField(0) == workerId)
                .map(r -> r.getField(1) + " " + r.getField(2) + " " + r.getField(3) + " " + r.getField(4))
                .collect(Collectors.toList());
    }

    private static String at(String time) {
        return LocalDateTime.parse(DAY + time).toString();
    }

    @Test
    void aDipBelowHalfTheHourBeforeIsAHashrateDropUntilTheFiveMinutesRecover() {
        // 01:12: current (1000 + 1000 + 3 x 200) / 5 = 520, baseline 1000: not below 500. 01:13: (1000 + 4 x 200) / 5
        // = 360 < 500: starts. 01:20: (4 x 200 + 1000) / 5 = 360, baseline (54 x 1000 + 6 x 200) / 60 = 920: still.
        // 01:21: (3 x 200 + 2 x 1000) / 5 = 520, baseline (53 x 1000 + 7 x 200) / 60 = 906.7: ended.
        assertThat(episodes(DIPPING)).containsExactly(
                "hashrate_drop " + at("01:13") + " " + at("01:21") + " 480");
    }

    @Test
    void aSilentWorkerIsOfflineFromTenMinutesAfterItsLastShareUntilItsNextOne() {
        // offline: last share 00:29:40 + 600 s = 00:39:40, back at 00:50:20; last share 01:30:40 + 600 s = 01:40:40,
        // still silent at 02:00:30. hashrate_drop: 00:33 current 1000 / 5 = 200 < half of 29 x 1000 / 60 (241.7),
        // 00:32 400 is not below 233.3; 00:50 200 < 250 (30 minutes of 1000 in the hour), 00:51 400 is not: ends.
        // 01:34 current 200 < half of 40 x 1000 / 60 (333.3), 01:33 400 is not; the rows stay in the baseline until
        // 02:34, after the newest share: ongoing.
        assertThat(episodes(VANISHING)).containsExactly(
                "hashrate_drop " + at("00:33") + " " + at("00:51") + " 1080",
                "offline " + at("00:39:40") + " " + at("00:50:20") + " 640",
                "hashrate_drop " + at("01:34") + " null null",
                "offline " + at("01:40:40") + " null null");
    }

    @Test
    void rejectsAboveTheRateForFiveMinutesAreARejectSpike() {
        // 01:20: 1000 / (5000 + 1000) = 0.167 > 0.1 (01:19: no reject); the 01:21 reject stays in the 5 minutes until
        // 01:25; 01:26 has none: ended. A worker that starts at 01:00 has no baseline before it: no drop, no offline.
        assertThat(episodes(REJECTING)).containsExactly(
                "reject_spike " + at("01:20") + " " + at("01:26") + " 360");
    }
}
