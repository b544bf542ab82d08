package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule that lets the runner pass a query check without planning it when every table it reads is empty: over a
 * warehouse whose tables are all empty, every such check (not metric, not recompute), run for real, finds nothing;
 * and the runner with its shortcut passes them too.
 */
class EmptyWarehouseChecksIT {

    @TempDir
    Path dir;

    @Test
    void everyQueryCheckFindsNothingInEmptyTables() throws Exception {
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            List<Check> checks = new ArrayList<>();
            for (Layer layer : List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS)) {
                session.createTables(layer);
                new QualityRunner(session).checks(layer, CheckOccasion.ON_DEMAND).stream()
                        .filter(c -> !c.metric() && !c.recompute()).forEach(checks::add);
            }

            List<CheckResult> ran = new QualityRunner(session, false).run(QualityRunner.newRunId(), checks);
            assertThat(ran).hasSize(checks.size()).allSatisfy(r ->
                    assertThat(r.status()).as(r.summaryLine()).isEqualTo(CheckResult.PASS));

            List<CheckResult> passed = new QualityRunner(session).run(QualityRunner.newRunId(), checks);
            assertThat(passed).hasSize(checks.size())
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckResult.PASS));
        }
    }
}
