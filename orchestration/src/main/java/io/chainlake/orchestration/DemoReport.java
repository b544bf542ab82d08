package io.chainlake.orchestration;

import io.chainlake.catalog.WarehouseSession;
import io.chainlake.orchestration.SvgBarChart.Bar;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.types.Row;

/** The demo's report: headline figures on the console and an HTML page with charts, read from DWS/ADS tables. */
final class DemoReport {

    private final List<Row> days;
    private final List<Row> scriptTypes;
    private final List<Row> pools;
    private final List<Row> totals;

    private DemoReport(List<Row> days, List<Row> scriptTypes, List<Row> pools, List<Row> totals) {
        this.days = days;
        this.scriptTypes = scriptTypes;
        this.pools = pools;
        this.totals = totals;
    }

    static DemoReport collect(WarehouseSession session) {
        return new DemoReport(
                session.query("SELECT dt, block_count, tx_count, first_height, last_height, total_fee_btc, top_pool_name "
                        + "FROM ads.chain_daily_report ORDER BY dt"),
                session.query("SELECT script_type, SUM(output_count) AS outputs, SUM(value_sat) AS value_sat "
                        + "FROM dws.btc_script_type_day GROUP BY script_type ORDER BY outputs DESC"),
                session.query("SELECT pool_name, SUM(block_count) AS blocks FROM ads.mining_pool_share_day "
                        + "GROUP BY pool_name ORDER BY blocks DESC, pool_name"),
                session.query("SELECT COUNT(*), SUM(txs), MIN(height), MAX(height) FROM dws.btc_block_stats"));
    }

    void printSummary(PrintStream out) {
        Row t = totals.get(0);
        out.printf(Locale.ROOT, "%n%,d main-chain blocks (heights %s..%s), %,d transactions over %d days (%s .. %s)%n",
                t.<Long>getFieldAs(0), t.getField(2), t.getField(3), t.<Long>getFieldAs(1), days.size(),
                days.get(0).getField(0), days.get(days.size() - 1).getField(0));
        out.println("output script types:");
        long outputs = scriptTypes.stream().mapToLong(r -> r.<Long>getFieldAs(1)).sum();
        for (Row r : scriptTypes) {
            out.printf(Locale.ROOT, "  %-24s %,8d outputs %5.1f%%%n", r.getField(0), r.<Long>getFieldAs(1),
                    100.0 * r.<Long>getFieldAs(1) / outputs);
        }
        out.println("blocks by mining pool:");
        for (Row r : pools) {
            out.printf(Locale.ROOT, "  %-24s %,8d%n", r.getField(0), r.<Long>getFieldAs(1));
        }
    }

    String html() {
        List<Bar> blocks = new ArrayList<>();
        List<Bar> txs = new ArrayList<>();
        for (Row d : days) {
            blocks.add(new Bar((String) d.getField(0), d.<Long>getFieldAs(1)));
            txs.add(new Bar((String) d.getField(0), d.<Long>getFieldAs(2)));
        }
        List<Bar> mix = scriptTypes.stream().map(r -> new Bar((String) r.getField(0), r.<Long>getFieldAs(1))).toList();
        List<Bar> poolBars = pools.stream().map(r -> new Bar((String) r.getField(0), r.<Long>getFieldAs(1))).toList();
        StringBuilder table = new StringBuilder("<table><tr><th>day</th><th>blocks</th><th>transactions</th>"
                + "<th>heights</th><th>fees (BTC)</th><th>top pool</th></tr>");
        for (Row d : days) {
            table.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s–%s</td><td>%s</td><td>%s</td></tr>",
                    d.getField(0), d.getField(1), d.getField(2), d.getField(3), d.getField(4),
                    d.getField(5) == null ? "unknown" : CsvWriter.format(d.getField(5)),
                    d.getField(6) == null ? "" : SvgBarChart.esc(String.valueOf(d.getField(6)))));
        }
        table.append("</table>");
        return "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>chainlake demo report</title>"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:right}"
                + "section{margin:1.5em 0}</style></head><body>"
                + "<h1>chainlake demo report</h1>"
                + "<p>Real Bitcoin mainnet blocks bundled with chainlake (data/README.md), loaded into ODS and built into "
                + "DWD, DWS and ADS Paimon tables by Flink in batch mode. Days without a figure for fees hold blocks "
                + "whose spent outputs are not in the warehouse: their fees are unknown, not zero.</p>"
                + "<section>" + SvgBarChart.vertical("Blocks per day", blocks, "#4e79a7", false) + "</section>"
                + "<section>" + SvgBarChart.vertical("Transactions per day (log scale)", txs, "#f28e2b", true) + "</section>"
                + "<section>" + SvgBarChart.mix("Output script-type mix", mix, "#59a14f") + "</section>"
                + "<section>" + SvgBarChart.mix("Blocks by mining pool", poolBars, "#e15759") + "</section>"
                + "<section><h2>ads.chain_daily_report</h2>" + table + "</section>"
                + "</body></html>\n";
    }
}
