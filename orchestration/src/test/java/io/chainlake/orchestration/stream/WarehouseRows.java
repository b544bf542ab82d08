package io.chainlake.orchestration.stream;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.types.Row;

/**
 * Every row of every DWD, DWS and ADS table of a warehouse as sorted text, for comparing two warehouses row by row.
 * Provenance columns (which file or Kafka record a row came from, when it was loaded, where a height hint came
 * from) say how the data arrived, not what it is, so they are left out.
 */
final class WarehouseRows {

    static final Set<String> PROVENANCE = Set.of("height_source", "source_file", "source_offset", "load_id",
            "loaded_at", "source_name", "source_partition", "source_topic");

    private WarehouseRows() {
    }

    static Map<String, List<String>> of(Path warehouse) {
        ChainlakeConfig config = TestWarehouse.config(warehouse.getParent()).with(ChainlakeConfig.WAREHOUSE,
                warehouse.toString());
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (WarehouseSession session = WarehouseSession.batch(config)) {
            for (Layer layer : List.of(Layer.DWD, Layer.DWS, Layer.ADS)) {
                session.createTables(layer);
                for (String table : SqlLayout.tables(layer)) {
                    String name = layer.database() + "." + table;
                    List<String> columns = session.tableEnv().from(name).getResolvedSchema().getColumnNames();
                    List<Integer> kept = IntStream.range(0, columns.size())
                            .filter(i -> !PROVENANCE.contains(columns.get(i))).boxed().toList();
                    List<String> rows = new ArrayList<>();
                    for (Row r : session.query("SELECT * FROM " + name)) {
                        rows.add(kept.stream().map(i -> columns.get(i) + "=" + r.getField(i))
                                .collect(Collectors.joining(", ")));
                    }
                    rows.sort(null);
                    tables.put(name, rows);
                }
            }
        }
        return tables;
    }
}
