package io.chainlake.orchestration;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.Check;
import io.chainlake.quality.QualityRunner;
import io.chainlake.quality.QualityRunner.PlannedChecks;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Plans a layer's gate checks on a second session, on a thread of its own, while the layer's jobs run: on a small
 * chain the checks' cost is mostly planning (Calcite and code generation in the client), which otherwise waits
 * for the jobs and then holds the next layer up. The tables are not written yet when the checks are planned, so
 * the planner's session reads no table statistics (the optimizer would plan for the old or empty tables) and
 * which tables will be empty is predicted from the layer's job inputs ({@link #predictedEmpty}).
 */
final class GatePlanner implements AutoCloseable {

    /** Planning before the tables are written: their statistics and splits at plan time are not the ones read. */
    private static final Map<String, String> PLAN_AHEAD_OPTIONS = Map.of(
            "table.optimizer.source.report-statistics-enabled", "false",
            "paimon.*.*.*.scan.infer-parallelism", "false");

    private final WarehouseSession session;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quality-gate-planner");
        t.setDaemon(true);
        return t;
    });
    private WarehouseSession twin; // created, planned on and closed by `thread` only
    private QualityRunner runner;

    GatePlanner(WarehouseSession session) {
        this.session = session;
    }

    /** Checks planned ahead, and the CPU time planning them took on the planner's thread. */
    record Ahead(PlannedChecks checks, double planningCpuSeconds) {}

    /**
     * Starts planning {@code checks} of {@code layer}, whose jobs are about to run (ODS: which the build only reads);
     * the layer's tables exist.
     */
    Future<Ahead> plan(String runId, Layer layer, List<Check> checks) {
        return thread.submit(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            if (twin == null) {
                twin = session.twin(PLAN_AHEAD_OPTIONS);
                runner = new QualityRunner(twin);
            }
            PlannedChecks planned = runner.planAhead(runId, checks, predictedEmpty(layer));
            return new Ahead(planned, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        });
    }

    /**
     * Whether a table will hold no row once {@code layer} is built: a table of a layer below (or of ODS, which the
     * build does not write) as it is now; one of {@code layer} when every table its job reads will be empty. A job
     * that makes rows from nothing (a global aggregate) is predicted wrongly; the build then queries the checks so
     * skipped ({@link PlannedChecks#passedAsEmpty}) after all.
     */
    private Predicate<String> predictedEmpty(Layer layer) {
        if (layer == Layer.ODS) {
            return twin::isEmpty; // loaded, not built
        }
        Map<String, Set<String>> inputs = new LayerBuilder(twin).jobInputs(layer);
        Map<String, Boolean> known = new HashMap<>();
        return new Predicate<>() {
            @Override
            public boolean test(String table) {
                Boolean answer = known.get(table);
                if (answer == null) {
                    known.put(table, false); // a job reading itself through others, were there one, is not empty
                    Set<String> reads = inputs.get(table);
                    answer = reads != null ? !reads.isEmpty() && reads.stream().allMatch(this) : twin.isEmpty(table);
                    known.put(table, answer);
                }
                return answer;
            }
        };
    }

    @Override
    public void close() {
        thread.submit(() -> {
            if (twin != null) {
                twin.close();
            }
        });
        thread.shutdown();
    }
}
