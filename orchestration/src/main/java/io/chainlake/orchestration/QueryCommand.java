package io.chainlake.orchestration;

import io.chainlake.catalog.WarehouseSession;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "query", description = "Run Flink SQL in batch mode on the warehouse: a query prints CSV with a header "
        + "row on stdout; INSERT, UPDATE and DELETE (operators' repairs on primary-key tables) print what changed.")
final class QueryCommand implements Callable<Integer> {

    private static final Pattern DML = Pattern.compile(
            "^\\s*(INSERT\\s+(?:INTO|OVERWRITE)|UPDATE|DELETE\\s+FROM)\\s+([a-z0-9_]+\\.[a-z0-9_]+)(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern WHERE = Pattern.compile("\\bWHERE\\b(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @ParentCommand
    ChainlakeCli cli;

    @Parameters(index = "0", paramLabel = "SQL", description = "e.g. \"SELECT * FROM dws.btc_block_stats\" or "
            + "\"DELETE FROM dwd.btc_tx WHERE txid = '...'\".")
    String sql;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try (WarehouseSession session = WarehouseSession.batch(cli.config())) {
            Matcher dml = DML.matcher(sql.strip());
            if (dml.matches()) {
                modify(session, dml, out);
            } else {
                TableResult result = session.execute(sql);
                CsvWriter csv = new CsvWriter(out);
                csv.header(result.getResolvedSchema().getColumnNames());
                try (CloseableIterator<Row> rows = result.collect()) {
                    rows.forEachRemaining(csv::row);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** Runs a DML statement and reports the rows it matched and the table's row count before and after. */
    private void modify(WarehouseSession session, Matcher dml, PrintStream out) throws Exception {
        String verb = dml.group(1).toUpperCase(Locale.ROOT).split("\\s+")[0];
        String table = dml.group(2);
        long before = session.count(table);
        Long matched = null;
        if (!verb.equals("INSERT")) {
            Matcher where = WHERE.matcher(dml.group(3));
            matched = where.find()
                    ? ((Number) session.query("SELECT COUNT(*) FROM " + table + " WHERE " + where.group(1))
                            .get(0).getField(0)).longValue()
                    : before;
        }
        session.execute(sql).await();
        long after = session.count(table);
        out.printf(Locale.ROOT, "%s %s: %s%d rows before, %d after%n", verb, table,
                matched == null ? "" : matched + " rows matched, ", before, after);
    }
}
