package io.chainlake.ads;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.LayerBuilder.JobRun;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import io.chainlake.catalog.WarehouseSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Upserts the pool statistics into the MySQL tables btcpool's dashboards read (database {@code mysql.pool-database}):
 * for each {@code sql/ads/exports/<table>.sql} it creates the MySQL table if missing ({@link #mysqlDdl}), declares
 * the JDBC table with the MySQL unique key as primary key and runs its INSERT. The JDBC sink writes
 * {@code INSERT ... ON DUPLICATE KEY UPDATE}, so a rerun over the same shares rewrites the same values and a failed
 * write is retried. {@link #run} does it in batch after ADS; {@link #addStreaming} adds the same INSERTs to the
 * streaming job, as upserts only (see there). Without MySQL it says so in one line and exports nothing.
 */
public final class PoolExports {

    static final String FOLDER = "sql/ads/exports/";

    private static final Pattern INSERT_INTO =
            Pattern.compile("^INSERT\\s+INTO\\s+(\\S+)\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final WarehouseSession session;
    private final MysqlStore mysql;

    public PoolExports(WarehouseSession session) {
        this.session = session;
        ChainlakeConfig config = session.config();
        this.mysql = new MysqlStore(config.with(ChainlakeConfig.MYSQL_DATABASE,
                config.get(ChainlakeConfig.MYSQL_POOL_DATABASE)));
    }

    public static List<String> tables() {
        return SqlLayout.sqlFileNames(FOLDER);
    }

    /**
     * The MySQL DDL of an exported table. mining_workers is also the worker dimension DWD looks names up in, so it
     * has one definition, the dimension's ({@code dwd}'s {@code mysql/pool_worker.sql}); the others are ADS's own.
     */
    static String mysqlDdl(String table) {
        return table.equals("mining_workers") ? "mysql/pool_worker.sql" : "mysql/pool/" + table + ".sql";
    }

    /** Exports every table; returns one run per MySQL table (rows = its row count after the upsert). */
    public List<JobRun> run(Consumer<String> progress) throws Exception {
        return run(progress, new LinkedHashMap<>());
    }

    /**
     * As {@link #run(Consumer)}, except the exports that read a table of {@code blocked} (table → why, as
     * {@link LayerBuilder} fills it): their MySQL tables keep what they had.
     */
    public List<JobRun> run(Consumer<String> progress, Map<String, String> blocked) throws Exception {
        if (session.count("dws.pool_day") == 0 || !mysqlReady()) {
            return List.of();
        }
        long start = System.nanoTime();
        StatementSet set = session.tableEnv().createStatementSet();
        List<String> exported = new ArrayList<>();
        for (String table : tables()) {
            SqlScript script = script(table);
            if (LayerBuilder.skipped("mysql " + mysql.database() + "." + table, LayerBuilder.tableReferences(script),
                    blocked, progress)) {
                continue;
            }
            exported.add(table);
            set.addInsertSql(declare(table, script));
        }
        if (exported.isEmpty()) {
            return List.of();
        }
        set.execute().await();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<JobRun> runs = new ArrayList<>();
        for (String table : exported) {
            JobRun run = new JobRun("mysql " + mysql.database() + "." + table, rowCount(table), seconds);
            progress.accept(run.progressLine());
            runs.add(run);
        }
        return runs;
    }

    /**
     * Adds every export to a streaming job; returns the MySQL tables it writes ({@code database.table}), none when
     * MySQL cannot be reached at start. In streaming the tables read are changelogs: an aggregate or join above
     * retracts a row before its replacement, and a change can even be committed as a delete in one checkpoint and
     * the new row in the next. Through an upsert sink a delete would remove the MySQL row, and mining_workers' row
     * holds the worker dimension too. So only inserts and update-afters reach MySQL, as upserts by btcpool's keys:
     * every key converges to its last value (one key's changes stay in order: same Paimon bucket, same subtask),
     * and an exported row is never deleted, as btcpool's own writers never delete one. At least once: the sink
     * flushes at every checkpoint, and after a failure (MySQL away longer than the sink's retries) the job restarts
     * from the last checkpoint and writes the changes since then again, which rewrites the same values.
     */
    public List<String> addStreaming(StreamStatementSet set) throws SQLException {
        if (!mysqlReady()) {
            return List.of();
        }
        StreamTableEnvironment tableEnv = session.tableEnv();
        List<String> written = new ArrayList<>();
        for (String table : tables()) {
            Matcher insert = INSERT_INTO.matcher(declare(table, script(table)));
            if (!insert.matches()) {
                throw new IllegalStateException(FOLDER + table + ".sql: the last statement must be INSERT INTO ...");
            }
            Table changes = tableEnv.sqlQuery(insert.group(2));
            DataStream<Row> changelog = tableEnv.toChangelogStream(changes);
            DataStream<Row> upserts = changelog.flatMap(new UpsertsAsInserts()).returns(changelog.getType())
                    .name("upserts only: " + table);
            Table rows = tableEnv.fromChangelogStream(upserts,
                    Schema.newBuilder().fromResolvedSchema(changes.getResolvedSchema()).build(),
                    ChangelogMode.insertOnly());
            set.add(rows.insertInto(insert.group(1)));
            written.add(mysql.database() + "." + table);
        }
        return written;
    }

    /** Keeps the rows a table holds after a change (+I, +U) as inserts, which a keyed JDBC sink upserts. */
    static final class UpsertsAsInserts implements FlatMapFunction<Row, Row> {
        @Override
        public void flatMap(Row row, Collector<Row> out) {
            if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                row.setKind(RowKind.INSERT);
                out.collect(row);
            }
        }
    }

    private boolean mysqlReady() {
        Optional<String> unavailable = mysql.unavailableReason();
        unavailable.ifPresent(reason -> System.err.println("MySQL at " + mysql.serverUrl() + " cannot be reached ("
                + reason + "): the pool statistics are not exported to " + mysql.database() + " in this run"));
        return unavailable.isEmpty();
    }

    /** Creates the MySQL table if missing, declares its JDBC table; returns the export's INSERT. */
    private String declare(String table, SqlScript script) throws SQLException {
        mysql.ensureTable(mysqlDdl(table));
        List<String> statements = script.statements();
        for (String ddl : statements.subList(0, statements.size() - 1)) {
            session.execute(ddl);
        }
        return statements.get(statements.size() - 1);
    }

    private SqlScript script(String table) {
        return SqlScript.load(FOLDER + table + ".sql", session.config().placeholders());
    }

    private long rowCount(String table) throws SQLException {
        try (Connection c = mysql.connect(true); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
