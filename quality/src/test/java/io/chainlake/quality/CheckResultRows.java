package io.chainlake.quality;

import io.chainlake.catalog.WarehouseSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.table.Table;
import org.apache.paimon.table.source.ReadBuilder;

/** Rows of dq.check_result as the runner committed them, read back with Paimon's own reader (no Flink job). */
record CheckResultRows(List<Row> rows) {

    /** One dq.check_result row; {@code check} is {@code <layer>/<check name>}. */
    record Row(String check, String tableName, String severity, String status, Double observedValue,
            double threshold, long violationCount, String sampleRows, String description) {}

    static CheckResultRows of(WarehouseSession session, String runId) throws Exception {
        Table table = session.paimonCatalog().getTable(Identifier.create("dq", "check_result"));
        ReadBuilder read = table.newReadBuilder();
        List<Row> rows = new ArrayList<>();
        try (RecordReader<InternalRow> reader = read.newRead().createReader(read.newScan().plan())) {
            reader.forEachRemaining(r -> {
                if (r.getString(0).toString().equals(runId)) {
                    rows.add(new Row(r.getString(1) + "/" + r.getString(2), r.getString(3).toString(),
                            r.getString(4).toString(), r.getString(5).toString(),
                            r.isNullAt(6) ? null : r.getDouble(6), r.getDouble(7), r.getLong(8),
                            r.getString(9).toString(), r.getString(11).toString()));
                }
            });
        }
        return new CheckResultRows(rows);
    }

    Row get(String check) {
        return rows.stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no dq.check_result row for " + check + " in " + rows));
    }
}
