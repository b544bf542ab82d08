package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.catalog.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code <table>__primary_key} checks. A Paimon primary-key table merges rows by key, so a duplicate key cannot
 * be written to the real tables; it appears when a table no longer enforces its key (recreated without it, or
 * written as an append table). This test creates every layer table that way, from its own DDL minus the key, the
 * NOT NULL constraints and the Paimon options, writes each one row twice and one row with a NULL key, and shows
 * every key check failing on exactly those two groups. Tables created from their DDL keep their key, and there
 * every key check passes (Paimon's merge on the key is what keeps it unique, so the runner does not read them).
 */
class PrimaryKeyChecksIT {

    private static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);
    /** Only to strip the key clause from the DDL; the key itself is TableDefinition's. */
    private static final Pattern PRIMARY_KEY = Pattern.compile(",\\s*PRIMARY KEY \\([^)]*\\) NOT ENFORCED");
    private static final Pattern WITH_OPTIONS = Pattern.compile("\\bWITH\\s*\\([^)]*\\)\\s*;?\\s*$");

    @TempDir
    Path dir;

    @Test
    void duplicateAndNullKeysFailEveryPrimaryKeyCheck() throws Exception {
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            StatementSet inserts = session.tableEnv().createStatementSet();
            List<String> tables = new ArrayList<>();
            for (Layer layer : LAYERS) {
                for (String table : SqlLayout.tables(layer)) {
                    String name = layer.database() + "." + table;
                    String ddl = SqlScript.load(SqlLayout.tableResource(layer, table),
                            session.config().placeholders()).statements().get(0);
                    List<String> keyColumns = TableDefinition.of(layer, table, session.config().placeholders()).key();
                    String keyless = WITH_OPTIONS.matcher(PRIMARY_KEY.matcher(ddl).replaceFirst("")
                            .replace(" NOT NULL", "")).replaceFirst("WITH ('bucket' = '-1')");
                    session.execute(keyless);
                    inserts.addInsertSql("INSERT INTO " + name + " " + String.join(" UNION ALL ",
                            rowSql(session, name, keyColumns, true),
                            rowSql(session, name, keyColumns, true),
                            rowSql(session, name, keyColumns, false)));
                    tables.add(name);
                }
            }
            inserts.execute().await();

            QualityRunner runner = new QualityRunner(session);
            String runId = QualityRunner.newRunId();
            List<Check> keyChecks = new ArrayList<>();
            for (Layer layer : LAYERS) {
                runner.checks(layer, CheckOccasion.ON_DEMAND).stream().filter(c -> c.name().endsWith("__primary_key"))
                        .forEach(keyChecks::add);
            }
            List<CheckResult> results = runner.run(runId, keyChecks);

            assertThat(results).extracting(r -> r.check().table()).containsExactlyInAnyOrderElementsOf(tables);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.status()).as(r.summaryLine()).isEqualTo(CheckResult.FAIL);
                assertThat(r.violationCount()).as(r.summaryLine()).isEqualTo(2);
                assertThat(r.sampleRows()).as(r.summaryLine()).contains("\"row_count\":\"2\"", "\"row_count\":\"1\"");
            });
            CheckResultRows rows = CheckResultRows.of(session, runId);
            assertThat(rows.rows()).hasSize(tables.size()).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo(CheckResult.FAIL);
                assertThat(row.violationCount()).isEqualTo(2);
            });
        }
    }

    @Test
    void tablesThatDeclareTheirKeyPassEveryPrimaryKeyCheck() throws Exception {
        try (WarehouseSession session = WarehouseSession.batch(TestWarehouse.config(dir))) {
            QualityRunner runner = new QualityRunner(session);
            List<Check> keyChecks = new ArrayList<>();
            for (Layer layer : LAYERS) {
                session.createTables(layer);
                runner.checks(layer, CheckOccasion.BUILD_GATE).stream()
                        .filter(c -> c.name().endsWith("__primary_key")).forEach(keyChecks::add);
            }
            List<CheckResult> results = runner.run(QualityRunner.newRunId(), keyChecks);

            assertThat(results).hasSize(keyChecks.size()).allSatisfy(r -> {
                assertThat(r.status()).as(r.summaryLine()).isEqualTo(CheckResult.PASS);
                assertThat(r.check().uniqueKey()).as(r.summaryLine()).isNotEmpty();
                assertThat(r.check().description()).contains("(" + String.join(", ", r.check().uniqueKey()) + ")");
            });
        }
    }

    /**
     * One row of {@code table}: key columns '1' (a timestamp key '2000-01-01 00:00:00'), or NULL when {@code keyed}
     * is false; every other column NULL.
     */
    private static String rowSql(WarehouseSession session, String table, List<String> keyColumns, boolean keyed) {
        return "SELECT " + session.tableEnv().from(table).getResolvedSchema().getColumns().stream()
                .map(c -> (keyed && keyColumns.contains(c.getName()) ? "CAST('" + keyValue(c) + "' AS "
                        : "CAST(NULL AS ") + type(c) + ") AS `" + c.getName() + "`")
                .collect(Collectors.joining(", "));
    }

    private static String keyValue(Column column) {
        return column.getDataType().getLogicalType().getTypeRoot()
                == org.apache.flink.table.types.logical.LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE
                ? "2000-01-01 00:00:00" : "1";
    }

    private static String type(Column column) {
        return column.getDataType().getLogicalType().copy(true).asSerializableString();
    }
}
