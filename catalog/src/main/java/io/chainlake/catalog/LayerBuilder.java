package io.chainlake.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            return String.format(Locale.ROOT, "  %-30s %,12d rows %8.1f s", table, rows, seconds);
        }
    }

    private final WarehouseSession session;

    public LayerBuilder(WarehouseSession session) {
        this.session = session;
    }

    /** Creates the layer's tables and views, then runs its jobs; one progress line per job. */
    public List<JobRun> build(Layer layer, Consumer<String> progress) throws Exception {
        session.createTables(layer);
        List<JobRun> runs = new ArrayList<>();
        for (JavaJob job : javaJobs(layer)) {
            long start = System.nanoTime();
            long rows = job.run(session);
            JobRun run = new JobRun(job.table(), rows, seconds(start));
            progress.accept(run.progressLine());
            runs.add(run);
        }
        session.createViews(layer);
        for (List<String> wave : waves(layer)) {
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

    /** SQL jobs (files with an INSERT) grouped so every job runs after the same-layer tables it reads. */
    public List<List<String>> waves(Layer layer) {
        Map<String, String> viewTexts = new LinkedHashMap<>();
        for (String view : SqlLayout.views(layer)) {
            viewTexts.put(view, SqlScript.load(SqlLayout.viewResource(layer, view), session.config().placeholders())
                    .text());
        }
        Map<String, Set<String>> pending = new LinkedHashMap<>();
        for (String table : SqlLayout.jobs(layer)) {
            String resource = SqlLayout.jobResource(layer, table);
            SqlScript script = SqlScript.load(resource, session.config().placeholders());
            if (script.statements().isEmpty()) {
                continue; // a Java job, documented in the file
            }
            Set<String> reads = new LinkedHashSet<>();
            collectReads(script.text(), layer, viewTexts, reads, new LinkedHashSet<>());
            reads.remove(table);
            pending.put(table, reads);
        }
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

    private static void collectReads(
            String text, Layer layer, Map<String, String> views, Set<String> reads, Set<String> seenViews) {
        Matcher m = TABLE_REF.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(layer.database())) {
                reads.add(m.group(2));
            }
        }
        views.forEach((view, viewText) -> {
            if (Pattern.compile("\\b" + view + "\\b").matcher(text).find() && seenViews.add(view)) {
                collectReads(viewText, layer, views, reads, seenViews);
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
