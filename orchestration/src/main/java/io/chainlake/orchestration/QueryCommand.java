package io.chainlake.orchestration;

import io.chainlake.catalog.WarehouseSession;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "query", description = "Run a Flink SQL batch query on the warehouse; CSV with a header row on stdout.")
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM dws.btc_block_stats\".")
    String sql;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try (WarehouseSession session = WarehouseSession.batch(cli.config())) {
            TableResult result = session.execute(sql);
            CsvWriter csv = new CsvWriter(out);
            csv.header(result.getResolvedSchema().getColumnNames());
            try (CloseableIterator<Row> rows = result.collect()) {
                rows.forEachRemaining(csv::row);
            }
        }
        out.flush();
        return 0;
    }
}
