package io.chainlake.orchestration;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.WarehouseSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.types.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "tables", description = "List every warehouse table with its row count.")
final class TablesCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Override
    public Integer call() throws Exception {
        try (WarehouseSession session = WarehouseSession.batch(cli.config())) {
            List<String> tables = new ArrayList<>();
            for (Layer layer : Layer.values()) {
                for (Row r : session.query("SHOW TABLES IN " + layer.database())) {
                    tables.add(layer.database() + "." + r.getField(0));
                }
            }
            System.out.println("table,rows");
            if (!tables.isEmpty()) {
                session.counts(tables).forEach((table, rows) -> System.out.println(table + "," + rows));
            }
        }
        return 0;
    }
}
