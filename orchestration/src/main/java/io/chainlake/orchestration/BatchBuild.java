package io.chainlake.orchestration;

import io.chainlake.ads.PoolExports;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.LayerBuilder.JobRun;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.CheckResult;
import io.chainlake.quality.QualityRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ODS → DWD → DWS → ADS in batch mode: every layer rebuilt from the one below, one progress line per job. After
 * each layer its quality checks run; a failed error-severity check stops the layers above it. Last, the pool
 * statistics are upserted into btcpool's MySQL tables.
 */
final class BatchBuild {

    static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    private BatchBuild() {}

    static List<JobRun> run(WarehouseSession session, Consumer<String> progress) throws Exception {
        session.createTables(Layer.ODS);
        Map<String, Long> inputs = session.counts(List.of("ods.btc_block_raw", "ods.pool_share_raw"));
        if (inputs.values().stream().allMatch(n -> n == 0)) {
            throw new IllegalStateException("the warehouse at " + session.config().warehouse()
                    + " holds no blocks and no shares: run ./chainlake load-blocks or load-shares first");
        }
        LayerBuilder builder = new LayerBuilder(session);
        QualityRunner quality = new QualityRunner(session);
        String runId = QualityRunner.newRunId();
        List<JobRun> runs = new ArrayList<>();
        gate(quality, runId, Layer.ODS, progress);
        for (Layer layer : LAYERS.subList(1, LAYERS.size())) {
            progress.accept(layer.database() + ":");
            runs.addAll(builder.build(layer, progress));
            gate(quality, runId, layer, progress);
        }
        runs.addAll(new PoolExports(session).run(progress));
        return runs;
    }

    private static void gate(QualityRunner quality, String runId, Layer layer, Consumer<String> progress)
            throws Exception {
        long start = System.nanoTime();
        List<CheckResult> results = quality.run(runId, quality.checks(layer));
        long passed = results.stream().filter(r -> r.status().equals(CheckResult.PASS)).count();
        progress.accept(String.format(java.util.Locale.ROOT, "  quality %-22s %d/%d checks pass %8.1f s",
                layer.database(), passed, results.size(), (System.nanoTime() - start) / 1e9));
        for (CheckResult r : results) {
            if (!r.status().equals(CheckResult.PASS)) {
                System.err.println("quality: " + r.summaryLine());
            }
        }
        List<CheckResult> blocking = results.stream().filter(CheckResult::blocks).toList();
        if (!blocking.isEmpty()) {
            throw new QualityGateException(layer, runId, blocking);
        }
    }
}
