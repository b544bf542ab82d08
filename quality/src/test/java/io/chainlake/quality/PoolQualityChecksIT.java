package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.dws.pool.HandMadeShares;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool checks (issue #6 rules: worker sums = user sums = pool sums per window, reject_rate in [0, 1], hashrate =
 * share_accept x 2^32 / window seconds, keys) on the hand-made shares: clean they pass; each break fails exactly the
 * checks that should see it.
 */
class PoolQualityChecksIT {

    @TempDir
    static Path dir;

    static WarehouseSession session;
    static QualityRunner runner;

    @BeforeAll
    static void build() throws Exception {
        session = WarehouseSession.batch(TestWarehouse.config(dir));
        BundledWarehouse.buildPool(session);
        runner = new QualityRunner(session);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /** Status of every pool check of DWS, DWD and ADS, by name. */
    private static Map<String, String> poolChecks() throws Exception {
        List<Check> checks = java.util.stream.Stream.of(Layer.DWD, Layer.DWS, Layer.ADS)
                .flatMap(l -> runner.checks(l, CheckOccasion.ON_DEMAND).stream())
                .filter(c -> c.name().startsWith("pool_"))
                .toList();
        return runner.run(QualityRunner.newRunId(), checks).stream()
                .collect(Collectors.toMap(r -> r.check().name(), CheckResult::status));
    }

    @Test
    void cleanSharesPassAndEachBreakFailsItsChecks() throws Exception {
        Map<String, String> clean = poolChecks();
        assertThat(clean).hasSizeGreaterThanOrEqualTo(23)
                .containsKeys("pool_worker_hour__sums_match_user_hour", "pool_user_day__sums_match_pool_day",
                        "pool_day__accepted_values", "pool_share__primary_key", "pool_worker_realtime__primary_key");
        assertThat(clean).allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo(CheckResult.PASS));

        // one more unit of accepted difficulty on worker 1001's 00:00 hour: its user's hour no longer adds up, and
        // its hashrate no longer is share_accept x 2^32 / 3600
        session.execute("UPDATE dws.pool_worker_hour SET share_accept = share_accept + 1 WHERE worker_id = "
                + HandMadeShares.WORKER_11 + " AND window_start = TIMESTAMP '2024-04-20 00:00:00'").await();
        // a reject rate above 1 on a user day (its sums untouched)
        session.execute("UPDATE dws.pool_user_day SET reject_rate = 1.5 WHERE user_id = " + HandMadeShares.USER_2)
                .await();

        Map<String, String> broken = poolChecks();
        Map<String, String> changed = broken.entrySet().stream()
                .filter(e -> !e.getValue().equals(CheckResult.PASS))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(changed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pool_worker_hour__sums_match_user_hour", CheckResult.FAIL,
                "pool_worker_hour__accepted_values", CheckResult.FAIL,
                "pool_user_day__accepted_values", CheckResult.FAIL,
                // both edited tables differ from their jobs
                "pool_worker_hour__matches_job", CheckResult.FAIL,
                "pool_user_day__matches_job", CheckResult.FAIL));
    }
}
