package io.chainlake.ads;

import io.chainlake.catalog.ChainlakeConfig;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.table.api.StatementSet;

/**
 * Upserts the pool statistics into the MySQL tables btcpool's dashboards read (database {@code mysql.pool-database}):
 * for each {@code sql/ads/exports/<table>.sql} it creates the MySQL table if missing ({@link #mysqlDdl}), declares the
 * JDBC table with the MySQL unique key as primary key and runs its INSERT, all in one Flink job. The JDBC sink writes
 * {@code INSERT ... ON DUPLICATE KEY UPDATE}, so a rerun over the same shares rewrites the same values and a failed
 * write is retried. Runs after ADS; without pool shares, or when MySQL cannot be reached, it says so in one line.
 */
public final class PoolExports {

    static final String FOLDER = "sql/ads/exports/";

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
        if (session.count("dws.pool_day") == 0) {
            return List.of();
        }
        Optional<String> unavailable = mysql.unavailableReason();
        if (unavailable.isPresent()) {
            System.err.println("MySQL at " + mysql.serverUrl() + " cannot be reached (" + unavailable.get()
                    + "): the pool statistics are not exported to " + mysql.database() + " in this run");
            return List.of();
        }
        long start = System.nanoTime();
        StatementSet set = session.tableEnv().createStatementSet();
        for (String table : tables()) {
            mysql.ensureTable(mysqlDdl(table));
            List<String> statements = SqlScript.load(FOLDER + table + ".sql", session.config().placeholders())
                    .statements();
            for (String ddl : statements.subList(0, statements.size() - 1)) {
                session.execute(ddl);
            }
            set.addInsertSql(statements.get(statements.size() - 1));
        }
        set.execute().await();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<JobRun> runs = new ArrayList<>();
        for (String table : tables()) {
            JobRun run = new JobRun("mysql " + mysql.database() + "." + table, rowCount(table), seconds);
            progress.accept(run.progressLine());
            runs.add(run);
        }
        return runs;
    }

    private long rowCount(String table) throws SQLException {
        try (Connection c = mysql.connect(true); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
