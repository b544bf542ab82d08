package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.Check;
import io.chainlake.quality.CheckOccasion;
import io.chainlake.quality.QualityRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout is the architecture: checks every layer's SQL folders against the house rules, on a real catalog. */
class SqlConventionsTest {

    private static final List<Layer> BUILT = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    @TempDir
    static Path dir;

    static WarehouseSession session;

    @BeforeAll
    static void createEveryTable() {
        session = WarehouseSession.batch(TestWarehouse.config(dir));
        BUILT.forEach(session::createTables);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void everyTableHasOneJobFileAndEveryJobFileATable() {
        for (Layer layer : BUILT) {
            assertThat(SqlLayout.tables(layer)).as("tables of %s", layer).isNotEmpty();
            assertThat(SqlLayout.jobs(layer)).as("job files of %s", layer)
                    .containsExactlyInAnyOrderElementsOf(SqlLayout.tables(layer));
        }
    }

    @Test
    void everyDdlCreatesItsOwnTableWithAKeyAndComments() throws Exception {
        for (Layer layer : BUILT) {
            for (String table : SqlLayout.tables(layer)) {
                String resource = SqlLayout.tableResource(layer, table);
                String ddl = SqlScript.load(resource, session.config().placeholders()).text();
                assertThat(ddl).as(resource).containsPattern(
                        "CREATE TABLE IF NOT EXISTS " + layer.database() + "\\." + table + " \\(");
                assertThat(ddl).as(resource + " declares its key").contains("PRIMARY KEY (");
                CatalogBaseTable t = session.tableEnv().getCatalog(WarehouseSession.CATALOG).orElseThrow()
                        .getTable(new ObjectPath(layer.database(), table));
                assertThat(t.getComment()).as(resource + " table COMMENT").isNotBlank();
                session.tableEnv().from(layer.database() + "." + table).getResolvedSchema().getColumns()
                        .forEach(c -> assertThat(c.getComment()).as(resource + " column " + c.getName() + " COMMENT")
                                .hasValueSatisfying(comment -> assertThat(comment).isNotBlank()));
            }
        }
    }

    @Test
    void jobFilesWithoutSqlSayWhichJavaJobWritesTheTable() {
        for (Layer layer : BUILT) {
            for (String table : SqlLayout.jobs(layer)) {
                String resource = SqlLayout.jobResource(layer, table);
                SqlScript script = SqlScript.load(resource, session.config().placeholders());
                if (script.statements().isEmpty()) {
                    assertThat(script.text()).as(resource + " names the Java code that writes the table")
                            .containsPattern(Pattern.compile("io\\.chainlake\\.[a-z.]+\\.[A-Z][A-Za-z]+"));
                }
            }
        }
    }

    @Test
    void jobsReadOnlyTheirOwnLayerAndTheOneBelow() {
        Pattern ref = Pattern.compile("\\b(ods|dwd|dws|ads)\\.[a-z0-9_]+");
        for (Layer layer : BUILT) {
            for (String name : SqlLayout.jobs(layer)) {
                checkReads(layer, SqlLayout.jobResource(layer, name), ref);
            }
            for (String name : SqlLayout.views(layer)) {
                checkReads(layer, SqlLayout.viewResource(layer, name), ref);
            }
        }
    }

    private static void checkReads(Layer layer, String resource, Pattern ref) {
        var m = ref.matcher(SqlScript.load(resource, session.config().placeholders()).text());
        while (m.find()) {
            Layer read = Layer.of(m.group(1));
            assertThat(read.ordinal()).as(resource + " reads " + m.group())
                    .isBetween(Math.max(0, layer.ordinal() - 1), layer.ordinal());
        }
    }

    @Test
    void everyJobPassesExplainAgainstTheRealCatalog() {
        LayerBuilder builder = new LayerBuilder(session);
        for (Layer layer : BUILT.subList(1, BUILT.size())) { // ODS SQL jobs read Kafka: streaming only, below
            session.createViews(layer);
            for (List<String> wave : builder.waves(layer)) {
                for (String table : wave) {
                    String plan = session.tableEnv().explainSql(builder.insertStatement(layer, table));
                    assertThat(plan).as("EXPLAIN of %s.%s", layer.database(), table).contains("Sink");
                }
            }
        }
    }

    /** The same files run in streaming mode (./chainlake stream): every job must plan there too. */
    @Test
    void everyJobPassesExplainInStreamingMode() {
        try (WarehouseSession streaming = WarehouseSession.streaming(session.config(), new Configuration())) {
            LayerBuilder builder = new LayerBuilder(streaming);
            for (Layer layer : BUILT) {
                streaming.createTables(layer);
                streaming.createViews(layer);
                for (List<String> wave : builder.waves(layer)) {
                    for (String table : wave) {
                        String plan = streaming.tableEnv().explainSql(builder.insertStatement(layer, table));
                        assertThat(plan).as("streaming EXPLAIN of %s.%s", layer.database(), table).contains("Sink");
                    }
                }
            }
        }
    }

    /**
     * Jobs where the planner cannot derive an upsert key for the sink's input but every change of one sink key still
     * leaves one subtask in order, with the reason. Nothing else may be here: a job whose reorg (or any update)
     * moves a key between subtasks loses rows above parallelism 1.
     */
    private static final Map<String, String> ORDERED_WITHOUT_UPSERT_KEY = Map.of(
            "dwd.btc_block", "joins on block_hash, its key; the parse side is insert-only",
            "dwd.btc_tx", "joins on (txid, block_hash), its key; the parse side is insert-only",
            "dwd.btc_input", "an input's row changes only when its prevout arrives, in the join keyed by that prevout",
            "dwd.btc_output", "insert-only parse of first-row ods.btc_block_raw: rows never change",
            "dws.pool_share_late", "a share (first-row) keeps its source offset: it changes in the join keyed by it",
            "ads.address_rank_day", "two Top-Ns keyed by dt, one per rank_by: a (dt, rank_by, rank) row leaves one",
            "ads.pool_overview", "joins on dt, its key");

    /**
     * Paimon refuses Flink's sink upsert materializer ({@code table.exec.sink.upsert-materialize} is NONE in
     * {@code stream}), and the planner adds one where it cannot prove that the sink's primary key is an upsert key
     * of its input: a key's retraction and its replacement (a reorg) may come from different subtasks and reach the
     * writer in either order above parallelism 1. With the planner's default (AUTO), only the reviewed jobs above
     * may need one.
     */
    @Test
    void everyStreamingSinkGetsEachKeyFromOneOrderedStream() {
        Configuration auto = new Configuration();
        auto.setString("table.exec.sink.upsert-materialize", "AUTO");
        try (WarehouseSession streaming = WarehouseSession.streaming(session.config(), auto)) {
            LayerBuilder builder = new LayerBuilder(streaming);
            List<String> materialized = new java.util.ArrayList<>();
            for (Layer layer : BUILT) {
                streaming.createTables(layer);
                streaming.createViews(layer);
                for (List<String> wave : builder.waves(layer)) {
                    for (String table : wave) {
                        if (streaming.tableEnv().explainSql(builder.insertStatement(layer, table))
                                .contains("upsertMaterialize=[true]")) {
                            materialized.add(layer.database() + "." + table);
                        }
                    }
                }
            }
            assertThat(materialized).as("jobs whose sink key is not an upsert key of their input")
                    .containsExactlyInAnyOrderElementsOf(ORDERED_WITHOUT_UPSERT_KEY.keySet());
        }
    }

    @Test
    void everyQualityCheckDeclaresItsMetadataAndPassesExplain() {
        QualityRunner runner = new QualityRunner(session);
        for (Layer layer : BUILT) {
            session.createViews(layer);
            for (Check check : runner.checks(layer, CheckOccasion.ON_DEMAND)) {
                assertThat(check.table()).as(check.name()).startsWith(layer.database() + ".");
                assertThat(session.tableEnv().explainSql(check.sql())).as("EXPLAIN of check %s", check.name())
                        .isNotBlank();
            }
        }
    }

    @Test
    void placeholdersResolveFromConfig() {
        Map<String, String> p = session.config().placeholders();
        assertThat(p).containsKeys("large_tx_threshold_sat", "address_rank_top_n", "network", "mysql_url");
    }
}
