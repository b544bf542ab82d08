package io.chainlake.orchestration;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.WarehouseSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;

/** Past quality runs, read from dq.check_result. */
record QualityHistory(List<Row> rows) {

    record RunSummary(String runId, long pass, long failOrError) {}

    static QualityHistory read(WarehouseSession session) {
        session.createTables(Layer.DQ);
        return new QualityHistory(session.query("SELECT run_id, layer, check_name, severity, status, observed_value, "
                + "threshold, violation_count, sample_rows, description, started_at FROM dq.check_result "
                + "ORDER BY started_at, run_id, layer, check_name"));
    }

    String latestRunId() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("dq.check_result is empty: run ./chainlake build or ./chainlake quality run first");
        }
        return (String) rows.get(rows.size() - 1).getField(0);
    }

    QualityReport report(String runId) {
        List<QualityReport.Line> lines = new ArrayList<>();
        for (Row r : rows) {
            if (runId.equals(r.getField(0))) {
                lines.add(new QualityReport.Line((String) r.getField(1), (String) r.getField(2), (String) r.getField(3),
                        (String) r.getField(4), (Double) r.getField(5), (Double) r.getField(6),
                        r.getField(7) == null ? 0 : (Long) r.getField(7), (String) r.getField(8), (String) r.getField(9)));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no quality run '" + runId + "' in dq.check_result");
        }
        return new QualityReport(runId, lines);
    }

    List<RunSummary> runs() {
        Map<String, long[]> byRun = new LinkedHashMap<>();
        for (Row r : rows) {
            long[] c = byRun.computeIfAbsent((String) r.getField(0), k -> new long[2]);
            String status = (String) r.getField(4);
            if (status.equals("pass")) {
                c[0]++;
            } else if (status.equals("fail") || status.equals("error")) {
                c[1]++;
            }
        }
        List<RunSummary> runs = new ArrayList<>();
        byRun.forEach((id, c) -> runs.add(new RunSummary(id, c[0], c[1])));
        return runs;
    }
}
