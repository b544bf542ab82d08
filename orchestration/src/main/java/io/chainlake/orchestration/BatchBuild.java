package io.chainlake.orchestration;

import io.chainlake.ads.PoolExports;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.LayerBuilder.JobRun;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.Check;
import io.chainlake.quality.CheckOccasion;
import io.chainlake.quality.CheckResult;
import io.chainlake.quality.QualityRunner;
import io.chainlake.quality.QualityRunner.PlannedChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * ODS → DWD → DWS → ADS in batch mode: every layer rebuilt from the one below, one progress line per job. After
 * each layer its quality checks run; a failed error-severity check stops, in the layers above, exactly the jobs
 * that read its table (directly or through what they read), and every other job still runs. Last, the pool
 * statistics are upserted into btcpool's MySQL tables (those whose inputs were not stopped). When a check stopped
 * anything the build ends with a {@link QualityGateException}.
 */
final class BatchBuild {

    static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    private BatchBuild() {}

    static List<JobRun> run(WarehouseSession session, Consumer<String> progress) throws Exception {
        session.createTables(Layer.ODS);
        LayerBuilder builder = new LayerBuilder(session);
        QualityRunner quality = new QualityRunner(session);
        String runId = QualityRunner.newRunId();
        List<JobRun> runs = new ArrayList<>();
        Map<String, String> blocked = new LinkedHashMap<>(); // table → why its readers are not built
        List<CheckResult> failed = new ArrayList<>();
        try (GatePlanner planner = new GatePlanner(session)) {
            // ODS is loaded, not built: its checks are planned while the inputs are looked at
            List<Check> odsChecks = quality.checks(Layer.ODS, CheckOccasion.BUILD_GATE);
            Future<GatePlanner.Ahead> odsAhead = planner.plan(runId, Layer.ODS, unblocked(odsChecks, blocked));
            Map<String, Long> inputs = session.counts(List.of("ods.btc_block_raw", "ods.pool_share_raw"));
            if (inputs.values().stream().allMatch(n -> n == 0)) {
                throw new IllegalStateException("the warehouse at " + session.config().warehouse()
                        + " holds no blocks and no shares: run ./chainlake load-blocks or load-shares first");
            }
            if (inputs.get("ods.btc_block_raw") > 0) {
                WarehouseNetwork.requireConfigured(session);
            }
            failed.addAll(gate(quality, runId, Layer.ODS, odsChecks, blocked, progress, odsAhead));
            for (Layer layer : LAYERS.subList(1, LAYERS.size())) {
                progress.accept(layer.database() + ":");
                session.createTables(layer);
                List<Check> checks = quality.checks(layer, CheckOccasion.BUILD_GATE);
                Future<GatePlanner.Ahead> ahead = planner.plan(runId, layer, unblocked(checks, blocked));
                runs.addAll(builder.build(layer, progress, blocked));
                failed.addAll(gate(quality, runId, layer, checks, blocked, progress, ahead));
            }
        }
        runs.addAll(new PoolExports(session).run(progress, blocked));
        if (!failed.isEmpty()) {
            failed.forEach(r -> System.err.println("quality gate: " + r.summaryLine()));
            throw new QualityGateException(runId, failed, blocked.keySet().stream()
                    .filter(t -> failed.stream().noneMatch(r -> r.check().table().equals(t))).toList());
        }
        return runs;
    }

    /** Those of {@code checks} whose table is not blocked. */
    private static List<Check> unblocked(List<Check> checks, Map<String, String> blocked) {
        return checks.stream().filter(c -> !blocked.containsKey(c.table())).toList();
    }

    /**
     * Runs the layer's gate {@code checks} ({@link CheckOccasion#BUILD_GATE}: not the recompute checks), except those
     * of tables that were not built; a failed error check blocks its
     * table. Returns the failed error checks. The checks planned while the layer's jobs ran ({@code ahead}) are used
     * when they are still the ones to run, and the checks they skipped as empty that did get rows are queried now; if
     * anything went wrong ahead, the checks are planned again here.
     */
    private static List<CheckResult> gate(QualityRunner quality, String runId, Layer layer, List<Check> checks,
            Map<String, String> blocked, Consumer<String> progress, Future<GatePlanner.Ahead> ahead)
            throws Exception {
        long start = System.nanoTime();
        List<Check> runnable = unblocked(checks, blocked);
        PlannedChecks planned = null;
        String plannedDuringJobs = "";
        try {
            GatePlanner.Ahead a = ahead.get();
            if (a.checks().checks().equals(runnable)) { // else the layer's jobs blocked a table
                planned = a.checks();
                plannedDuringJobs = String.format(Locale.ROOT, ", planned during the jobs in %.1f CPU-s",
                        a.planningCpuSeconds());
            }
        } catch (Exception e) {
            System.err.println("quality " + layer.database() + ": planning the checks during the build failed (" + e
                    + "); planning them again");
        }
        List<CheckResult> results = null;
        if (planned != null) {
            List<Check> late = quality.readingRows(planned.passedAsEmpty());
            try {
                results = new ArrayList<>(planned.run(late));
            } catch (Exception e) {
                System.err.println("quality " + layer.database() + ": the checks planned during the build failed (" + e
                        + "); running them again");
                plannedDuringJobs = "";
            }
            if (results != null && !late.isEmpty()) {
                results.addAll(quality.run(runId, late));
            }
        }
        if (results == null) {
            results = quality.run(runId, runnable);
        }
        long passed = results.stream().filter(r -> r.status().equals(CheckResult.PASS)).count();
        int notRun = checks.size() - runnable.size();
        progress.accept(String.format(Locale.ROOT, "  quality %-31s %d/%d checks pass%s%s %8.1f s", layer.database(),
                passed, results.size(), notRun == 0 ? "" : " (" + notRun + " on tables not built: not run)",
                plannedDuringJobs, (System.nanoTime() - start) / 1e9));
        for (CheckResult r : results) {
            if (!r.status().equals(CheckResult.PASS)) {
                System.err.println("quality: " + r.summaryLine());
            }
        }
        List<CheckResult> blocking = results.stream().filter(CheckResult::blocks).toList();
        for (CheckResult r : blocking) {
            blocked.putIfAbsent(r.check().table(), r.check().table() + " failed check " + layer.database() + "/"
                    + r.check().name());
        }
        return blocking;
    }
}
