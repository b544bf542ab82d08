package io.chainlake.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.flink.FlinkCatalog;

/**
 * A TableEnvironment on the warehouse catalog, with every layer database and every project SQL function. The only
 * place that turns configuration into a catalog: SQL files and loaders never see a path or a URI.
 */
public final class WarehouseSession implements AutoCloseable {

    public static final String CATALOG = "chainlake";

    /** A view file containing this comment is computed once per run however many jobs read it. */
    public static final String SHARED_PASS_MARKER = "-- chainlake:shared-pass";

    private final ChainlakeConfig config;
    private final RuntimeExecutionMode mode;
    private final boolean ownsCluster;
    private final Configuration flinkConf;
    private final EmbeddedCluster cluster;
    private final StreamExecutionEnvironment env;
    private final StreamTableEnvironment tableEnv;
    private final Map<String, Optional<String>> mysqlUnavailable = new java.util.HashMap<>();

    private WarehouseSession(ChainlakeConfig config, RuntimeExecutionMode mode, Configuration extra) {
        this.config = config;
        this.mode = mode;
        Configuration flinkConf = new Configuration();
        flinkConf.set(ExecutionOptions.RUNTIME_MODE, mode);
        flinkConf.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        flinkConf.setString("table.exec.resource.default-parallelism", String.valueOf(config.parallelism()));
        flinkConf.setString("taskmanager.memory.managed.size", "512m");
        flinkConf.setString("table.display.max-column-width", "2147483647");
        // block_time and dt are UTC wall-clock values; date functions must not shift them by the host's zone
        flinkConf.setString("table.local-time-zone", "UTC");
        flinkConf.addAll(extra);
        config.flinkOptions().forEach(flinkConf::setString); // the operator's word is last
        try {
            this.cluster = new EmbeddedCluster(flinkConf, config.parallelism());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Flink cluster: " + e.getMessage(), e);
        }
        this.ownsCluster = true;
        this.flinkConf = flinkConf;
        this.env = cluster.environment(flinkConf);
        this.tableEnv = tableEnvironment(env, mode, flinkConf);
        registerFunctions();
        createCatalog();
    }

    private WarehouseSession(WarehouseSession base, Map<String, String> options) {
        this.config = base.config;
        this.mode = base.mode;
        this.cluster = base.cluster;
        this.ownsCluster = false;
        this.flinkConf = new Configuration(base.flinkConf);
        options.forEach(flinkConf::setString);
        this.env = cluster.environment(flinkConf);
        this.tableEnv = tableEnvironment(env, mode, flinkConf);
        registerFunctions();
        createCatalog();
    }

    private static StreamTableEnvironment tableEnvironment(
            StreamExecutionEnvironment env, RuntimeExecutionMode mode, Configuration flinkConf) {
        EnvironmentSettings settings = mode == RuntimeExecutionMode.BATCH
                ? EnvironmentSettings.newInstance().inBatchMode().withConfiguration(flinkConf).build()
                : EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(flinkConf).build();
        return StreamTableEnvironment.create(env, settings);
    }

    /**
     * A second session on this one's cluster and warehouse, with {@code options} added to its Flink configuration,
     * for planning on another thread while this one's jobs run: Calcite keeps planner state per thread, so a table
     * environment is used by the thread that created it, and the twin must be created on the thread that plans on
     * it. Closing the twin leaves the cluster running.
     */
    public WarehouseSession twin(Map<String, String> options) {
        return new WarehouseSession(this, options);
    }

    public static WarehouseSession batch(ChainlakeConfig config) {
        return new WarehouseSession(config, RuntimeExecutionMode.BATCH, new Configuration());
    }

    public static WarehouseSession streaming(ChainlakeConfig config, Configuration extra) {
        return new WarehouseSession(config, RuntimeExecutionMode.STREAMING, extra);
    }

    private void registerFunctions() {
        for (SqlFunctionProvider provider : ServiceLoader.load(SqlFunctionProvider.class)) {
            provider.functions().forEach(tableEnv::createTemporarySystemFunction);
        }
    }

    private void createCatalog() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("type", "paimon");
        options.put("warehouse", config.warehouse().toUri().toString());
        // ORC, not Paimon's default Parquet, for every table this catalog creates: Paimon 1.3's Parquet reader
        // builds a fresh Hadoop Configuration for each file it opens (and for each file it writes, to read back its
        // statistics), and each parses core-default.xml again; in a stream committing every second that was 42 % of
        // the CPU, and ORC cut its latency by a third to a half (docs/benchmarks.md). Paimon's ORC format keeps one
        // configuration per table.
        options.put("table-default.file.format", "orc");
        String type = config.get(ChainlakeConfig.CATALOG_TYPE);
        switch (type) {
            case "filesystem" -> options.put("metastore", "filesystem");
            case "hive" -> {
                options.put("metastore", "hive");
                options.put("uri", config.get(ChainlakeConfig.HIVE_METASTORE_URI));
                if (!config.get(ChainlakeConfig.HIVE_CONF_DIR).isEmpty()) {
                    options.put("hive-conf-dir", config.get(ChainlakeConfig.HIVE_CONF_DIR));
                }
            }
            default -> throw new IllegalArgumentException(
                    "catalog.type must be 'filesystem' or 'hive', not '" + type + "'");
        }
        String with = options.entrySet().stream()
                .map(e -> "'" + e.getKey() + "' = '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        tableEnv.executeSql("CREATE CATALOG " + CATALOG + " WITH (" + with + ")");
        tableEnv.useCatalog(CATALOG);
        for (Layer layer : Layer.values()) {
            tableEnv.executeSql("CREATE DATABASE IF NOT EXISTS " + layer.database());
        }
    }

    public ChainlakeConfig config() {
        return config;
    }

    public boolean isBatch() {
        return mode == RuntimeExecutionMode.BATCH;
    }

    public StreamTableEnvironment tableEnv() {
        return tableEnv;
    }

    public StreamExecutionEnvironment env() {
        return env;
    }

    /** The Paimon catalog behind the Flink one, for loaders that write rows with Paimon's own API. */
    public Catalog paimonCatalog() {
        return ((FlinkCatalog) tableEnv.getCatalog(CATALOG).orElseThrow()).catalog();
    }

    public TableResult execute(String sql) {
        return tableEnv.executeSql(sql);
    }

    /** Runs a query and collects every row; for reports and tests, not for fact-sized results. */
    public List<Row> query(String sql) {
        return collect(tableEnv.executeSql(sql));
    }

    /** Runs a table built with the Table API and collects every row, as {@link #query}. */
    public List<Row> query(Table table) {
        return collect(table.execute());
    }

    private static List<Row> collect(TableResult result) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * Whether {@code table} ({@code layer.table}) has no snapshot, or its latest snapshot holds no record (a table
     * whose rows were all deleted still holds the deletes, and is not empty). Read from the table's metadata: no job.
     * A table that does not exist is not empty: whoever reads it learns it is missing.
     */
    public boolean isEmpty(String table) {
        try {
            return paimonCatalog().getTable(org.apache.paimon.catalog.Identifier.fromString(table)).latestSnapshot()
                    .map(snapshot -> Long.valueOf(0).equals(snapshot.totalRecordCount()))
                    .orElse(true);
        } catch (Catalog.TableNotExistException e) {
            return false;
        }
    }

    public long count(String table) {
        return counts(List.of(table)).get(table);
    }

    /** Row counts of several tables in one job. */
    public Map<String, Long> counts(List<String> tables) {
        String sql = tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, COUNT(*) AS n FROM " + t)
                .collect(Collectors.joining(" UNION ALL "));
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t, 0L));
        for (Row r : query(sql)) {
            counts.put((String) r.getField(0), ((Number) r.getField(1)).longValue());
        }
        return counts;
    }

    /** Creates every table of a layer from its DDL file (CREATE TABLE IF NOT EXISTS: reruns change nothing). */
    public void createTables(Layer layer) {
        for (String table : SqlLayout.tables(layer)) {
            runScript(SqlLayout.tableResource(layer, table));
        }
    }

    /**
     * Creates the temporary views a layer's jobs share. A view over an external JDBC table whose server cannot be
     * reached becomes an empty view of the same columns, with one line on stderr saying so: reports then build
     * with NULL labels instead of failing.
     */
    public void createViews(Layer layer) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> code = new LinkedHashMap<>();
        for (String view : SqlLayout.views(layer)) {
            SqlScript script = SqlScript.load(SqlLayout.viewResource(layer, view), config.placeholders());
            texts.put(view, script.text());
            code.put(view, script.withoutComments());
        }
        // ordered by what the views' code names: a comment may mention a view that reads this one
        for (String view : inDependencyOrder(code)) {
            tableEnv.dropTemporaryView(view); // a second build in one session redefines its views
            runScript(SqlLayout.viewResource(layer, view));
            if (texts.get(view).contains("'connector' = 'jdbc'")) {
                connectOrEmpty(layer, view, texts.get(view));
            }
            if (texts.get(view).contains(SHARED_PASS_MARKER)) {
                shareOnePass(view);
            }
        }
    }

    /**
     * Flink does not reuse a correlate (LATERAL TABLE) across the sinks of a statement set: each reference gets
     * its own correlation id, so every INSERT reading the view would run the table function again. Routing the
     * view through one DataStream makes all consumers read the same operator: the function runs once per row.
     */
    private void shareOnePass(String view) {
        org.apache.flink.table.api.Table table = tableEnv.from(view);
        // streaming: the view's input carries updates (a reorg flips in_main_chain), so pass them on
        org.apache.flink.table.api.Table shared = isBatch()
                ? tableEnv.fromDataStream(tableEnv.toDataStream(table))
                : tableEnv.fromChangelogStream(tableEnv.toChangelogStream(table));
        tableEnv.dropTemporaryView(view);
        tableEnv.createTemporaryView(view, shared);
    }

    /** Views ordered so each comes after the views its text names. */
    private static List<String> inDependencyOrder(Map<String, String> texts) {
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < texts.size()) {
            int before = ordered.size();
            texts.forEach((view, text) -> {
                boolean ready = texts.keySet().stream()
                        .filter(other -> !other.equals(view) && !ordered.contains(other))
                        .noneMatch(other -> java.util.regex.Pattern.compile("\\b" + other + "\\b").matcher(text).find());
                if (ready && !ordered.contains(view)) {
                    ordered.add(view);
                }
            });
            if (ordered.size() == before) {
                throw new IllegalStateException("views refer to each other in a cycle: " + texts.keySet());
            }
        }
        return ordered;
    }

    private static final Pattern JDBC_TABLE =
            Pattern.compile("CREATE\\s+TEMPORARY\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+([\\w.`]+)", Pattern.CASE_INSENSITIVE);

    private void connectOrEmpty(Layer layer, String table, String viewText) {
        MysqlStore mysql = new MysqlStore(config);
        Optional<String> unavailable = mysqlUnavailable.computeIfAbsent("mysql", k -> mysql.unavailableReason());
        if (unavailable.isEmpty()) {
            String ddl = "mysql/" + table + ".sql";
            if (getClass().getClassLoader().getResource(ddl) != null) {
                try {
                    mysql.ensureTable(ddl);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("cannot create MySQL table " + mysql.database() + "." + table
                            + " from " + ddl + ": " + e.getMessage(), e);
                }
            }
            return;
        }
        // swap the JDBC table under the view for an empty one that scans and looks up like it, so regular and
        // lookup joins of the view still plan
        Matcher jdbcTable = JDBC_TABLE.matcher(viewText);
        if (!jdbcTable.find()) {
            throw new IllegalStateException("view " + table + " names no CREATE TEMPORARY TABLE of its JDBC source");
        }
        String source = jdbcTable.group(1);
        ResolvedSchema schema = tableEnv.from(source).getResolvedSchema();
        String columns = schema.getColumns().stream()
                .map(c -> "`" + c.getName() + "` " + c.getDataType().getLogicalType().copy(true).asSerializableString())
                .collect(Collectors.joining(", "));
        tableEnv.dropTemporaryView(table);
        tableEnv.executeSql("DROP TEMPORARY TABLE " + source);
        tableEnv.executeSql("CREATE TEMPORARY TABLE " + source + " (" + columns + ") WITH ('connector' = '"
                + EmptyDimensionFactory.IDENTIFIER + "')");
        runScript(SqlLayout.viewResource(layer, table));
        System.err.println("MySQL at " + mysql.serverUrl() + " cannot be reached (" + unavailable.get() + "): "
                + table + " is empty in this run, so its columns come out NULL");
    }

    public void runScript(String resource) {
        for (String statement : SqlScript.load(resource, config.placeholders()).statements()) {
            tableEnv.executeSql(statement);
        }
    }

    /** REST address (and web UI, when flink-runtime-web is on the classpath) of the embedded cluster. */
    public java.net.URI flinkRestAddress() {
        return cluster.restAddress();
    }

    @Override
    public void close() {
        try {
            env.close();
            if (ownsCluster) {
                cluster.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Flink cluster: " + e.getMessage(), e);
        }
    }
}
