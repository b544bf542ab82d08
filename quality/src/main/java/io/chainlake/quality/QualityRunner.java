package io.chainlake.quality;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.array;
import static org.apache.flink.table.api.Expressions.call;
import static org.apache.flink.table.api.Expressions.callSql;
import static org.apache.flink.table.api.Expressions.lit;
import static org.apache.flink.table.api.Expressions.nullOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.PaimonBatchWriter;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import io.chainlake.catalog.WarehouseSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableConfig;
import org.apache.flink.table.api.config.OptimizerConfigOptions;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.Timestamp;

/**
 * Runs checks and appends their results to dq.check_result. The checks of one call run as a single Flink job
 * (each check's violating rows, tagged with its name, their columns as strings, in one UNION ALL; see
 * {@link #tagged}), counted and sampled in the job ({@link #summary}), so checking costs one job per layer, not one per
 * check, and the client receives one row per check with violations, however many there are. A check that cannot be
 * planned gets status {@code error} at once; a job that fails is split in halves and re-run down to single checks, so
 * the broken check alone gets status {@code error}. Two kinds of check pass without a query: a key check while the
 * stored table declares that key ({@link #enforcedByStoredKey}), and a query check whose every table is empty
 * ({@link #readsOnlyEmptyTables}). With {@code alert.webhook-url} set, each failed check of the run is also posted to
 * the webhook ({@link QualityAlerts}). {@link #planAhead} plans the job without running it, for a build that plans a
 * layer's checks while the layer's jobs run.
 */
public final class QualityRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WarehouseSession session;
    private final QualityAlerts alerts;
    private final boolean passChecksOfEmptyTables;

    public QualityRunner(WarehouseSession session) {
        this(session, true);
    }

    /** With {@code passChecksOfEmptyTables} false every query check runs (to test that one over empty tables finds nothing). */
    QualityRunner(WarehouseSession session, boolean passChecksOfEmptyTables) {
        this.session = session;
        this.alerts = new QualityAlerts(session.config(), System.err::println);
        this.passChecksOfEmptyTables = passChecksOfEmptyTables;
    }

    public static String newRunId() {
        return "dq-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The layer's checks that run on {@code occasion} (all of them on demand; see {@link CheckOccasion}). */
    public List<Check> checks(Layer layer, CheckOccasion occasion) {
        return CheckCatalog.forLayer(layer, session.config().placeholders(), occasion);
    }

    public List<CheckResult> run(String runId, List<Check> checks) throws Exception {
        return run(runId, checks, check -> List.of());
    }

    /**
     * As {@link #run(String, List)}, each check limited to the first of its candidate {@code scopes} whose column
     * its rows carry (partition {@code all} when none does; a metric check always looks at everything).
     */
    public List<CheckResult> run(String runId, List<Check> checks, Function<Check, List<CheckScope>> scopes)
            throws Exception {
        Decided decided = decide(runId, checks, scopes, session::isEmpty);
        List<CheckResult> results = new ArrayList<>(decided.results());
        if (!decided.queried().isEmpty()) {
            results.addAll(evaluateOrSplit(runId, decided.queried(), decided.partitions(), decided.started()));
        }
        write(results);
        alerts.send(results);
        return results;
    }

    /**
     * Plans the checks' job now and runs it later ({@link PlannedChecks#run}, from any thread): a build plans a
     * layer's checks on a second session ({@link WarehouseSession#twin}) while the layer's own jobs run, before
     * its tables are written, so {@code empty} predicts which tables will hold no row. The caller compares that
     * prediction with the tables once written ({@link PlannedChecks#passedAsEmpty}).
     */
    public PlannedChecks planAhead(String runId, List<Check> checks, Predicate<String> empty) {
        Decided decided = decide(runId, checks, check -> List.of(), empty);
        DataStream<Row> job = null;
        Map<String, List<String>> columns = columns(decided.queried());
        if (!decided.queried().isEmpty()) {
            Table summary = summary(decided.queried(), columns);
            job = withoutMultipleInput(() -> session.tableEnv().toDataStream(summary));
        }
        return new PlannedChecks(decided, columns, job);
    }

    /**
     * Checks planned ahead: those decided without a query (with their results), and the one job that queries the
     * others. {@link #run} runs the job, writes every result to dq.check_result and alerts; a job that fails throws,
     * nothing is written, and the caller runs the checks the usual way (which finds a broken check by halves).
     */
    public final class PlannedChecks {
        private final Decided decided;
        private final Map<String, List<String>> columns;
        private final DataStream<Row> job;

        private PlannedChecks(Decided decided, Map<String, List<String>> columns, DataStream<Row> job) {
            this.decided = decided;
            this.columns = columns;
            this.job = job;
        }

        /** The checks that passed without a query because every table they read was predicted empty. */
        public List<Check> passedAsEmpty() {
            return decided.passedAsEmpty();
        }

        /** Every check this plan gives a result for. */
        public List<Check> checks() {
            return decided.checks();
        }

        /** Runs the job and records the results, except those of {@code queriedLater} (checks passed as empty). */
        public List<CheckResult> run(List<Check> queriedLater) throws Exception {
            List<CheckResult> results = new ArrayList<>(decided.results());
            results.removeIf(r -> queriedLater.contains(r.check()));
            if (job != null) {
                List<Row> rows = new ArrayList<>();
                try (var it = job.executeAndCollect("quality checks")) {
                    it.forEachRemaining(rows::add);
                }
                results.addAll(results(decided.runId(), decided.started(), decided.queried().keySet(),
                        decided.partitions(), columns, rows));
            }
            write(results);
            alerts.send(results);
            return results;
        }
    }

    /**
     * What is known of a run's checks before any job: the results of those that pass without a query or could not
     * be planned, and the parsed query of each other check with its partition.
     */
    private record Decided(
            String runId,
            Instant started,
            List<Check> checks,
            List<CheckResult> results,
            List<Check> passedAsEmpty,
            Map<Check, Table> queried,
            Map<Check, String> partitions) {}

    private Decided decide(String runId, List<Check> checks, Function<Check, List<CheckScope>> scopes,
            Predicate<String> empty) {
        session.createTables(Layer.DQ);
        createViewsRead(checks);
        Instant started = Instant.now();
        Map<Check, Table> queried = new LinkedHashMap<>();
        Map<Check, String> partitions = new LinkedHashMap<>();
        List<CheckResult> results = new ArrayList<>();
        List<Check> passedAsEmpty = new ArrayList<>();
        Map<String, Boolean> emptyTables = new LinkedHashMap<>();
        for (Check check : checks) {
            boolean readsOnlyEmpty = passChecksOfEmptyTables && readsOnlyEmptyTables(check, t -> emptyTables
                    .computeIfAbsent(t, empty::test));
            if (enforcedByStoredKey(check) || readsOnlyEmpty) {
                results.add(new CheckResult(runId, check, CheckResult.PASS, 0, 0, "[]", CheckScope.ALL, started,
                        Instant.now()));
                if (readsOnlyEmpty) {
                    passedAsEmpty.add(check);
                }
                continue;
            }
            try {
                queried.put(check, rows(check, scopes.apply(check), partitions));
            } catch (RuntimeException e) {
                results.add(error(runId, check, e, started));
            }
        }
        return new Decided(runId, started, List.copyOf(checks), results, passedAsEmpty, queried, partitions);
    }

    /** Whether a unique-key check's table declares that key in the catalog, where Paimon keeps it unique. */
    private boolean enforcedByStoredKey(Check check) {
        if (check.uniqueKey().isEmpty()) {
            return false;
        }
        try {
            return session.tableEnv().from(check.table()).getResolvedSchema().getPrimaryKey()
                    .map(key -> Set.copyOf(key.getColumns()).equals(Set.copyOf(check.uniqueKey())))
                    .orElse(false);
        } catch (RuntimeException e) {
            return false; // a missing table: planning the query reports it as the check's error
        }
    }

    /**
     * Whether a query check reads only tables that hold no row, so it has no row to report: a chain-only warehouse
     * skips the planning of every pool check, and a pool-only one that of every chain check. Not for metric checks
     * (they return their measure whatever the tables hold), recompute checks or checks that read a layer's views
     * (tables their text does not name); {@code EmptyWarehouseChecksIT} runs every other check over empty tables and
     * shows each finds nothing. A table counts as empty when it has no snapshot or its latest snapshot holds no
     * record (a table whose rows were all deleted still holds the deletes, and is read).
     */
    private boolean readsOnlyEmptyTables(Check check, Predicate<String> empty) {
        if (check.metric() || check.recompute() || readsViews(check)) {
            return false;
        }
        Set<String> tables = LayerBuilder.tableReferences(new SqlScript(check.name(), check.sql()));
        return !tables.isEmpty() && tables.stream().allMatch(empty);
    }

    private static boolean readsViews(Check check) {
        return Arrays.stream(Layer.values()).filter(l -> l != Layer.DQ)
                .anyMatch(l -> SqlLayout.views(l).stream().anyMatch(view -> reads(check, view)));
    }

    private static boolean reads(Check check, String view) {
        return Pattern.compile("\\b" + view + "\\b").matcher(check.sql()).find();
    }

    /** Those of {@code checks} that read a table holding rows now (as opposed to when they were planned). */
    public List<Check> readingRows(List<Check> checks) {
        return checks.stream().filter(c -> !readsOnlyEmptyTables(c, session::isEmpty)).toList();
    }

    /** Creates the temporary views of each layer whose views a check reads (a job re-run by a recompute check). */
    private void createViewsRead(List<Check> checks) {
        for (Layer layer : checks.stream().map(Check::layer).distinct().toList()) {
            if (SqlLayout.views(layer).stream()
                    .anyMatch(view -> checks.stream().anyMatch(c -> c.layer() == layer && reads(c, view)))) {
                session.createViews(layer);
            }
        }
    }

    /**
     * Evaluates the checks in one job. If the job fails, it is split in two halves that are run on their own, down to
     * single checks: the broken check alone gets status {@code error}, and finding one broken check among n costs
     * about 2·log2(n) more jobs instead of n.
     */
    private List<CheckResult> evaluateOrSplit(
            String runId, Map<Check, Table> planned, Map<Check, String> partitions, Instant started) {
        try {
            return evaluate(runId, planned, partitions, started);
        } catch (RuntimeException e) {
            if (planned.size() == 1) {
                return List.of(error(runId, planned.keySet().iterator().next(), e, started));
            }
            System.err.println("quality: a job of " + planned.size() + " checks failed (" + rootMessage(e)
                    + "); running them in two halves to find the broken one");
            List<Map.Entry<Check, Table>> entries = new ArrayList<>(planned.entrySet());
            int half = entries.size() / 2;
            List<CheckResult> results = new ArrayList<>();
            for (List<Map.Entry<Check, Table>> part : List.of(entries.subList(0, half),
                    entries.subList(half, entries.size()))) {
                Map<Check, Table> sub = new LinkedHashMap<>();
                part.forEach(p -> sub.put(p.getKey(), p.getValue()));
                results.addAll(evaluateOrSplit(runId, sub, partitions, Instant.now()));
            }
            return results;
        }
    }

    /** Names a check's rows in a job's union: check names repeat across layers (ods and dwd btc_mempool_tx). */
    private static String tag(Check check) {
        return check.layer().database() + "/" + check.name();
    }

    /**
     * The check's rows within its scope (noted in {@code partitions}), parsed and validated once: the job's union is
     * built from these tables, not from SQL text the planner would parse and validate a second time.
     */
    private Table rows(Check check, List<CheckScope> scopes, Map<Check, String> partitions) {
        Table all = session.tableEnv().sqlQuery(check.sql());
        List<String> names = all.getResolvedSchema().getColumnNames();
        if (check.metric() && !names.contains("observed_value")) {
            throw new IllegalArgumentException("metric check returns no observed_value column");
        }
        Optional<CheckScope> scope = check.metric() ? Optional.empty()
                : scopes.stream().filter(s -> names.contains(s.column())).findFirst();
        partitions.put(check, scope.map(CheckScope::partition).orElse(CheckScope.ALL));
        return scope.map(s -> all.where(callSql(s.condition()))).orElse(all);
    }

    /**
     * The check's rows as (check_name, observed_value, v0 .. v{width-1}): each column cast to a string, padded with
     * nulls to the union's width. The sample's JSON is built from these ({@link #sampleJson}), not by a JSON_OBJECT
     * per check in the job, whose planning and generated code were a good part of a small build's check time.
     */
    private static Table tagged(Check check, Table rows, int width) {
        List<String> names = rows.getResolvedSchema().getColumnNames();
        List<Expression> fields = new ArrayList<>();
        fields.add(lit(tag(check)).as("check_name"));
        fields.add((check.metric() ? $("observed_value").cast(DataTypes.DOUBLE()) : nullOf(DataTypes.DOUBLE()))
                .as("observed_value"));
        for (int i = 0; i < width; i++) {
            fields.add((i < names.size() ? $(names.get(i)).cast(DataTypes.STRING()) : nullOf(DataTypes.STRING()))
                    .as("v" + i));
        }
        return rows.select(fields.toArray(Expression[]::new));
    }

    /** A violating row as a JSON object of its columns' string values, e.g. {@code {"height":"170","fee":null}}. */
    private static String sampleJson(List<String> names, String[] values) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            object.put(names.get(i), values[i]);
        }
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CheckResult> evaluate(
            String runId, Map<Check, Table> planned, Map<Check, String> partitions, Instant started) {
        Map<String, List<String>> columns = columns(planned);
        Table summary = summary(planned, columns);
        List<Row> rows = withoutMultipleInput(() -> session.query(summary));
        return results(runId, started, planned.keySet(), partitions, columns, rows);
    }

    /** Each queried check's column names, by its tag. */
    private static Map<String, List<String>> columns(Map<Check, Table> planned) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        planned.forEach((check, rows) -> columns.put(tag(check), rows.getResolvedSchema().getColumnNames()));
        return columns;
    }

    /** The queried checks' rows in one union, summarized per check ({@link #summary(Table, int)}). */
    private static Table summary(Map<Check, Table> planned, Map<String, List<String>> columns) {
        int width = columns.values().stream().mapToInt(List::size).max().orElse(0);
        Table union = null;
        for (Map.Entry<Check, Table> e : planned.entrySet()) {
            Table tagged = tagged(e.getKey(), e.getValue(), width);
            union = union == null ? tagged : union.unionAll(tagged);
        }
        return summary(union, width);
    }

    /** The result of each {@code queried} check from the job's summary rows (a check without a row found nothing). */
    private static List<CheckResult> results(String runId, Instant started, Collection<Check> queried,
            Map<Check, String> partitions, Map<String, List<String>> columns, List<Row> rows) {
        Map<String, Row> summaries = new LinkedHashMap<>();
        for (Row r : rows) {
            summaries.put((String) r.getField(0), r);
        }
        Instant finished = Instant.now();
        List<CheckResult> results = new ArrayList<>();
        for (Check check : queried) {
            Optional<Row> summary = Optional.ofNullable(summaries.get(tag(check)));
            long count = summary.map(r -> (Long) r.getField(1)).orElse(0L);
            Double metric = summary.map(r -> (Double) r.getField(2)).orElse(null);
            double observed = check.metric() ? (metric == null ? 0.0 : metric) : count;
            String status = observed <= check.threshold() ? CheckResult.PASS
                    : check.severity().equals("error") ? CheckResult.FAIL : CheckResult.WARN;
            long violations = check.metric() ? (status.equals(CheckResult.PASS) ? 0 : 1) : count;
            List<String> sample = new ArrayList<>();
            summary.map(r -> (String[][]) r.getField(3)).ifPresent(kept -> {
                for (String[] values : kept) {
                    sample.add(sampleJson(columns.get(tag(check)), values));
                }
            });
            results.add(new CheckResult(runId, check, status, observed, violations, "[" + String.join(",", sample) + "]",
                    partitions.get(check), started, finished));
        }
        return results;
    }

    /**
     * Per check of the union: its row count, its observed value (a metric check's one row) and its
     * {@link SmallestRows} sample, counted in the job: what reaches the client is one row per failing check, however
     * many rows violate it.
     */
    private static Table summary(Table union, int width) {
        Expression[] values = new Expression[width];
        for (int i = 0; i < width; i++) {
            values[i] = $("v" + i);
        }
        Expression row = array(values[0], (Object[]) Arrays.copyOfRange(values, 1, width));
        return union.groupBy($("check_name")).select(
                $("check_name"),
                lit(1).count().as("row_count"),
                $("observed_value").max().as("observed_value"),
                call(SmallestRows.class, row).as("sample"));
    }

    /**
     * Plans (and with {@link #evaluate} runs) the union with the batch planner's multiple-input operator turned off
     * for this query only: that operator takes at most 63 inputs (Flink's MultipleInputSelectionHandler), and a
     * layer's union of checks reads more tables than that. Without it the union's branches feed the collecting
     * sink's one input gate, which has no such limit. Source reuse (one scan per table and filter, its projections
     * merged) is unaffected.
     */
    private <T> T withoutMultipleInput(java.util.function.Supplier<T> planning) {
        TableConfig config = session.tableEnv().getConfig();
        boolean before = config.get(OptimizerConfigOptions.TABLE_OPTIMIZER_MULTIPLE_INPUT_ENABLED);
        config.set(OptimizerConfigOptions.TABLE_OPTIMIZER_MULTIPLE_INPUT_ENABLED, false);
        try {
            return planning.get();
        } finally {
            config.set(OptimizerConfigOptions.TABLE_OPTIMIZER_MULTIPLE_INPUT_ENABLED, before);
        }
    }

    private static CheckResult error(String runId, Check check, Exception e, Instant started) {
        return new CheckResult(runId, check, CheckResult.ERROR, Double.NaN, 0, rootMessage(e), CheckScope.ALL, started,
                Instant.now());
    }

    /** The first line of the deepest cause that says something: Flink wraps the real reason several times. */
    private static String rootMessage(Throwable e) {
        String message = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage().lines().findFirst().orElse(message);
            }
        }
        return message;
    }

    private void write(List<CheckResult> results) throws Exception {
        try (PaimonBatchWriter w = PaimonBatchWriter.append(session, "dq.check_result")) {
            for (CheckResult r : results) {
                Check c = r.check();
                w.write(GenericRow.of(
                        s(r.runId()), s(c.layer().database()), s(c.name()), s(c.table()), s(c.severity()),
                        s(r.status()), Double.isNaN(r.observedValue()) ? null : r.observedValue(), c.threshold(),
                        r.violationCount(), s(r.sampleRows()), s(r.partition()), s(c.description()),
                        Timestamp.fromEpochMillis(r.startedAt().toEpochMilli()),
                        Timestamp.fromEpochMillis(r.finishedAt().toEpochMilli())));
            }
            w.commit();
        }
    }

    private static BinaryString s(String v) {
        return v == null ? null : BinaryString.fromString(v);
    }
}
