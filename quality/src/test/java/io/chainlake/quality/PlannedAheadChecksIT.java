package io.chainlake.quality;

import static io.chainlake.quality.BundledBlockFacts.TX_170;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlScript;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.QualityRunner.PlannedChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks planned ahead, the way a build plans a layer's gate while the layer's jobs run: on a second session created
 * and planned on by another thread, the job run later from this one. On the bundled blocks with a transaction deleted
 * (so some checks fail and carry samples), every layer's gate gives the results the usual run gives; and when the
 * prediction of empty tables is wrong, the checks it skipped are named, left out of the plan's results and, queried
 * the usual way, complete them; a planned job that fails records nothing, so the build can run the checks again.
 */
class PlannedAheadChecksIT {

    private static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    @TempDir
    static Path tmp;

    private static WarehouseSession session;
    private static final ExecutorService PLANNER = Executors.newSingleThreadExecutor();
    private static WarehouseSession twin;

    @BeforeAll
    static void brokenCopy() throws Exception {
        BundledWarehouse.copy(BundledWarehouse.template(), tmp);
        session = WarehouseSession.batch(TestWarehouse.config(tmp));
        session.execute("DELETE FROM dwd.btc_tx WHERE txid = '" + TX_170 + "'").await();
        twin = PLANNER.submit(() -> session.twin(Map.of("table.optimizer.source.report-statistics-enabled", "false")))
                .get();
    }

    @AfterAll
    static void close() throws Exception {
        PLANNER.submit(twin::close).get();
        PLANNER.shutdown();
        session.close();
    }

    @Test
    void plannedAheadOnAnotherThreadGivesTheUsualResults() throws Exception {
        QualityRunner runner = new QualityRunner(session);
        Map<String, String> dwd = Map.of();
        for (Layer layer : LAYERS) {
            List<Check> checks = runner.checks(layer, CheckOccasion.BUILD_GATE);
            Map<String, String> usual = outcomes(runner.run(QualityRunner.newRunId(), checks));

            PlannedChecks planned = planAhead(checks, session::isEmpty);
            Map<String, String> ahead = outcomes(planned.run(List.of()));

            assertThat(ahead).as(layer.database()).isEqualTo(usual);
            dwd = layer == Layer.DWD ? ahead : dwd;
        }
        // the deleted transaction is caught through the planned job too, with its sample
        assertThat(dwd)
                .hasEntrySatisfying("dwd/btc_block__matches_tx", v -> assertThat(v).startsWith("fail 1 ")
                        .contains("\"tx_rows\":\"1\""))
                .hasEntrySatisfying("dwd/btc_tx__matches_inputs_and_outputs", v -> assertThat(v).startsWith("fail 1 ")
                        .contains(TX_170));
    }

    @Test
    void checksSkippedByAWrongPredictionAreNamedAndQueriedAfter() throws Exception {
        QualityRunner runner = new QualityRunner(session);
        List<Check> checks = runner.checks(Layer.DWD, CheckOccasion.BUILD_GATE);
        Map<String, String> usual = outcomes(runner.run(QualityRunner.newRunId(), checks));

        PlannedChecks planned = planAhead(checks, table -> table.equals("dwd.btc_output")); // it holds rows
        List<Check> late = runner.readingRows(planned.passedAsEmpty());
        assertThat(late).extracting(Check::name).contains("btc_output__accepted_values")
                .allSatisfy(name -> assertThat(name).startsWith("btc_output__"));

        String runId = QualityRunner.newRunId();
        List<CheckResult> results = new ArrayList<>(planned.run(late));
        assertThat(results).extracting(CheckResult::check).doesNotContainAnyElementsOf(late);
        results.addAll(runner.run(runId, late));

        assertThat(outcomes(results)).isEqualTo(usual);
    }

    @Test
    void aPlannedJobThatFailsThrowsAndRecordsNothing() throws Exception {
        // fails while running (block_subsidy of a negative height), not while planning
        Check broken = Check.parse(Layer.DWD, "btc_block__negative_height_subsidy", SqlScript.load(
                "broken-checks/dwd/btc_block__negative_height_subsidy.sql", session.config().placeholders()).text());
        Check links = new QualityRunner(session).checks(Layer.DWD, CheckOccasion.BUILD_GATE).stream()
                .filter(c -> c.name().equals("btc_block__main_chain_links")).findFirst().orElseThrow();
        String runId = QualityRunner.newRunId();
        PlannedChecks planned = PLANNER.submit(() -> new QualityRunner(twin)
                .planAhead(runId, List.of(links, broken), session::isEmpty)).get();

        assertThatThrownBy(() -> planned.run(List.of())).isNotNull();
        assertThat(CheckResultRows.of(session, runId).rows()).as("the build runs them again, so nothing yet").isEmpty();
    }

    private static PlannedChecks planAhead(List<Check> checks, Predicate<String> empty) throws Exception {
        return PLANNER.submit(() -> new QualityRunner(twin).planAhead(QualityRunner.newRunId(), checks, empty)).get();
    }

    /** Each check's status and violation count, with its sample when it has one. */
    private static Map<String, String> outcomes(List<CheckResult> results) {
        Map<String, String> outcomes = new TreeMap<>();
        for (CheckResult r : results) {
            String sample = r.sampleRows().equals("[]") || r.check().metric() ? "" : " " + r.sampleRows();
            outcomes.put(r.check().layer().database() + "/" + r.check().name(),
                    r.status() + " " + r.violationCount() + sample);
        }
        return outcomes;
    }
}
