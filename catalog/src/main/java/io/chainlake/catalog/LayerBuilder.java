package io.chainlake.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;

/**
 * Builds one layer from the layer below: its Java jobs first, then its SQL jobs in waves. A wave holds the jobs
 * whose inputs are ready; each wave runs as one statement set, so jobs reading the same view share one plan (the
 * DWD jobs parse every block once). In batch mode a job's {@code INSERT INTO} runs as a full
 * {@code INSERT OVERWRITE}: a rebuild replaces the table, so a rerun gives the same rows and rows whose inputs
 * vanished (a block that left the main chain) vanish too. Streaming runs the same text unchanged.
 */
public final class LayerBuilder {

    private static final Pattern TABLE_REF = Pattern.compile("\\b(ods|dwd|dws|ads|dq)\\.([a-z0-9_]+)\\b");
    private static final Pattern INSERT_INTO =
            Pattern.compile("\\bINSERT\\s+INTO\\s+([a-z0-9_]+\\.[a-z0-9_]+)", Pattern.CASE_INSENSITIVE);

    /** One job's outcome, for the progress line and the run history. */
    public record JobRun(String table, long rows, double seconds) {
        public String progressLine() {
            return String.format(Locale.ROOT, "  %-39s %,12d rows %8.1f s", table, rows, seconds);
        }
    }

    private final WarehouseSession session;

    public LayerBuilder(WarehouseSession session) {
        this.session = session;
    }

    /** Creates the layer's tables and views, then runs its jobs; one progress line per job. */
    public List<JobRun> build(Layer layer, Consumer<String> progress) throws Exception {
        return build(layer, progress, new LinkedHashMap<>());
    }

    /**
     * As {@link #build(Layer, Consumer)}, except the jobs that read a table of {@code blocked} (table → why, e.g.
     * {@code dwd.pool_share failed check dwd/pool_share__primary_key}): those are skipped with a progress line and
     * added to {@code blocked} with the same reason, so what reads them is skipped too.
     */
    public List<JobRun> build(Layer layer, Consumer<String> progress, Map<String, String> blocked) throws Exception {
        session.createTables(layer);
        List<JobRun> runs = new ArrayList<>();
        for (JavaJob job : javaJobs(layer)) {
            if (skipped(job.table(), job.inputs(), blocked, progress)) {
                continue;
            }
            long start = System.nanoTime();
            long rows = job.run(session);
            JobRun run = new JobRun(job.table(), rows, seconds(start));
            progress.accept(run.progressLine());
            runs.add(run);
        }
        session.createViews(layer);
        Map<String, Set<String>> inputs = sqlJobInputs(layer);
        for (List<String> all : waves(layer)) {
            List<String> wave = all.stream().filter(t -> !skipped(layer.database() + "." + t,
                    inputs.get(t), blocked, progress)).toList();
            if (wave.isEmpty()) {
                continue;
            }
            long start = System.nanoTime();
            StatementSet set = session.tableEnv().createStatementSet();
            for (String table : wave) {
                set.addInsertSql(insertStatement(layer, table));
            }
            set.execute().await();
            double seconds = seconds(start);
            Map<String, Long> counts = session.counts(wave.stream().map(t -> layer.database() + "." + t).toList());
            for (String table : wave) {
                String name = layer.database() + "." + table;
                JobRun run = new JobRun(name, counts.get(name), seconds);
                progress.accept(run.progressLine());
                runs.add(run);
            }
        }
        return runs;
    }

    /**
     * Whether the job writing {@code table} reads a blocked table: if so, {@code table} is blocked too (for what
     * reads it) and the skip is reported as {@code skipped <table>: input <why>}.
     */
    public static boolean skipped(
            String table, Set<String> inputs, Map<String, String> blocked, Consumer<String> progress) {
        Optional<String> why = inputs.stream().filter(blocked::containsKey).findFirst().map(blocked::get);
        why.ifPresent(reason -> {
            blocked.put(table, reason);
            progress.accept("  skipped " + table + ": input " + reason);
        });
        return why.isPresent();
    }

    /**
     * Streaming: adds every job of the layer (Java jobs in their streaming form, then the SQL jobs, text unchanged)
     * to one statement set, so the whole pipeline runs as one Flink job with one checkpoint. Returns the tables.
     */
    public List<String> addStreaming(Layer layer, StreamStatementSet statements) {
        return addStreaming(layer, statements, table -> true);
    }

    /** As {@link #addStreaming(Layer, StreamStatementSet)}, only the jobs whose {@code layer.table} is included. */
    public List<String> addStreaming(Layer layer, StreamStatementSet statements, Predicate<String> included) {
        if (session.isBatch()) {
            throw new IllegalStateException("addStreaming needs a streaming session");
        }
        session.createTables(layer);
        List<String> tables = new ArrayList<>();
        for (JavaJob job : javaJobs(layer)) {
            if (included.test(job.table())) {
                job.addStreaming(session, statements);
                tables.add(job.table());
            }
        }
        session.createViews(layer);
        for (List<String> wave : waves(layer)) {
            for (String table : wave) {
                if (included.test(layer.database() + "." + table)) {
                    statements.addInsertSql(insertStatement(layer, table));
                    tables.add(layer.database() + "." + table);
                }
            }
        }
        return tables;
    }

    /** The job's INSERT as the current runtime mode runs it. */
    public String insertStatement(Layer layer, String table) {
        String resource = SqlLayout.jobResource(layer, table);
        List<String> statements = SqlScript.load(resource, session.config().placeholders()).statements();
        if (statements.size() != 1) {
            throw new IllegalStateException(resource + ": a job file holds exactly one INSERT, found "
                    + statements.size() + " statements");
        }
        String insert = statements.get(0);
        Matcher m = INSERT_INTO.matcher(insert);
        if (!m.find() || !m.group(1).equals(layer.database() + "." + table)) {
            throw new IllegalStateException(resource + ": must INSERT INTO " + layer.database() + "." + table);
        }
        if (!session.isBatch()) {
            return insert;
        }
        // write-only: a full overwrite commits no changelog anyway, so skip the lookup compaction that makes one;
        // except on first-row tables, whose reads skip level-0 files: there only that compaction makes rows visible
        String writeOnly = isFirstRow(m.group(1)) ? "" : ", 'write-only' = 'true'";
        return insert.substring(0, m.start()) + "INSERT OVERWRITE " + m.group(1)
                + " /*+ OPTIONS('dynamic-partition-overwrite' = 'false'" + writeOnly + ") */"
                + insert.substring(m.end());
    }

    private boolean isFirstRow(String table) {
        String[] parts = table.split("\\.");
        try {
            return "first-row".equals(session.paimonCatalog()
                    .getTable(org.apache.paimon.catalog.Identifier.create(parts[0], parts[1]))
                    .options().get("merge-engine"));
        } catch (org.apache.paimon.catalog.Catalog.TableNotExistException e) {
            return false;
        }
    }

    /** The tables ({@code layer.table}) each job of the layer reads, Java and SQL, keyed by its {@code layer.table}. */
    public Map<String, Set<String>> jobInputs(Layer layer) {
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        javaJobs(layer).forEach(job -> inputs.put(job.table(), job.inputs()));
        sqlJobInputs(layer).forEach((table, reads) -> inputs.put(layer.database() + "." + table, reads));
        return inputs;
    }

    /** SQL jobs (files with an INSERT) grouped so every job runs after the same-layer tables it reads. */
    public List<List<String>> waves(Layer layer) {
        Map<String, Set<String>> pending = new LinkedHashMap<>();
        sqlJobInputs(layer).forEach((table, inputs) -> pending.put(table, inputs.stream()
                .filter(t -> t.startsWith(layer.database() + "."))
                .map(t -> t.substring(layer.database().length() + 1))
                .collect(Collectors.toCollection(LinkedHashSet::new))));
        Set<String> sqlJobs = new LinkedHashSet<>(pending.keySet());
        List<List<String>> waves = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            List<String> wave = new ArrayList<>();
            pending.forEach((table, reads) -> {
                if (reads.stream().filter(sqlJobs::contains).allMatch(done::contains)) {
                    wave.add(table);
                }
            });
            if (wave.isEmpty()) {
                throw new IllegalStateException("jobs of layer " + layer.database() + " read each other in a cycle: "
                        + pending);
            }
            wave.forEach(pending::remove);
            done.addAll(wave);
            waves.add(wave);
        }
        return waves;
    }

    /**
     * The tables ({@code layer.table}, any layer) each SQL job of the layer reads, directly or through the layer's
     * views, keyed by the job's table name without the layer; never the job's own table.
     */
    private Map<String, Set<String>> sqlJobInputs(Layer layer) {
        Map<String, String> viewTexts = new LinkedHashMap<>();
        for (String view : SqlLayout.views(layer)) {
            viewTexts.put(view, SqlScript.load(SqlLayout.viewResource(layer, view), session.config().placeholders())
                    .withoutComments());
        }
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        for (String table : SqlLayout.jobs(layer)) {
            SqlScript script = SqlScript.load(SqlLayout.jobResource(layer, table), session.config().placeholders());
            if (script.statements().isEmpty()) {
                continue; // a Java job, documented in the file
            }
            Set<String> reads = new LinkedHashSet<>();
            collectReads(script.withoutComments(), viewTexts, reads, new LinkedHashSet<>());
            reads.remove(layer.database() + "." + table);
            inputs.put(table, reads);
        }
        return inputs;
    }

    /** The {@code layer.table} names a SQL text refers to outside its comments. */
    public static Set<String> tableReferences(SqlScript script) {
        Set<String> refs = new LinkedHashSet<>();
        addReferences(script.withoutComments(), refs);
        return refs;
    }

    private static void addReferences(String code, Set<String> refs) {
        Matcher m = TABLE_REF.matcher(code);
        while (m.find()) {
            refs.add(m.group());
        }
    }

    private static void collectReads(String code, Map<String, String> views, Set<String> reads, Set<String> seenViews) {
        addReferences(code, reads);
        views.forEach((view, viewText) -> {
            if (Pattern.compile("\\b" + view + "\\b").matcher(code).find() && seenViews.add(view)) {
                collectReads(viewText, views, reads, seenViews);
            }
        });
    }

    private static List<JavaJob> javaJobs(Layer layer) {
        List<JavaJob> jobs = new ArrayList<>();
        for (JavaJob job : ServiceLoader.load(JavaJob.class)) {
            if (job.table().startsWith(layer.database() + ".")) {
                jobs.add(job);
            }
        }
        return jobs;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
