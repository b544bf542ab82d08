package io.chainlake.orchestration;

import io.chainlake.orchestration.SvgBarChart.Bar;
import io.chainlake.quality.CheckResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One quality run as people read it: counts per layer, then every check that did not pass, with samples. */
record QualityReport(String runId, List<QualityReport.Line> lines) {

    /** A check's outcome, from a fresh run or from dq.check_result. */
    record Line(String layer, String checkName, String severity, String status, Double observed, Double threshold,
            long violations, String sample, String description) {}

    static QualityReport of(String runId, List<CheckResult> results) {
        List<Line> lines = new ArrayList<>();
        for (CheckResult r : results) {
            lines.add(new Line(r.check().layer().database(), r.check().name(), r.check().severity(), r.status(),
                    Double.isNaN(r.observedValue()) ? null : r.observedValue(), r.check().threshold(),
                    r.violationCount(), r.sampleRows(), r.check().description()));
        }
        return new QualityReport(runId, lines);
    }

    boolean blocking() {
        return lines.stream().anyMatch(l -> l.severity().equals("error")
                && (l.status().equals(CheckResult.FAIL) || l.status().equals(CheckResult.ERROR)));
    }

    Map<String, Map<String, Integer>> countsByLayer() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Line l : lines) {
            counts.computeIfAbsent(l.layer(), k -> new TreeMap<>()).merge(l.status(), 1, Integer::sum);
        }
        return counts;
    }

    void print(PrintStream out) {
        out.println("quality run " + runId);
        countsByLayer().forEach((layer, c) -> out.printf(Locale.ROOT, "  %-4s pass %3d  warn %3d  fail %3d  error %3d%n",
                layer, c.getOrDefault("pass", 0), c.getOrDefault("warn", 0), c.getOrDefault("fail", 0),
                c.getOrDefault("error", 0)));
        for (Line l : lines) {
            if (!l.status().equals(CheckResult.PASS)) {
                out.printf(Locale.ROOT, "  %-5s %s/%s (%s): %s%n        observed %s, threshold %s, %d violation(s): %s%n",
                        l.status(), l.layer(), l.checkName(), l.severity(), l.description(), l.observed(),
                        l.threshold(), l.violations(), abbreviate(l.sample()));
            }
        }
    }

    String html(QualityHistory history) {
        StringBuilder rows = new StringBuilder();
        for (Line l : lines) {
            rows.append(String.format(Locale.ROOT,
                    "<tr class='%s'><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td><code>%s</code></td></tr>",
                    l.status(), esc(l.layer()), esc(l.checkName()), l.severity(), l.status(), esc(l.description()),
                    l.violations(), esc(abbreviate(l.sample()))));
        }
        StringBuilder layers = new StringBuilder("<table><tr><th>layer</th><th>pass</th><th>warn</th><th>fail</th><th>error</th></tr>");
        countsByLayer().forEach((layer, c) -> layers.append(String.format(Locale.ROOT,
                "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>", layer, c.getOrDefault("pass", 0),
                c.getOrDefault("warn", 0), c.getOrDefault("fail", 0), c.getOrDefault("error", 0))));
        layers.append("</table>");
        List<Bar> failing = new ArrayList<>();
        List<Bar> passing = new ArrayList<>();
        for (QualityHistory.RunSummary run : history.runs()) {
            failing.add(new Bar(run.runId(), run.failOrError()));
            passing.add(new Bar(run.runId(), run.pass()));
        }
        return "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>chainlake quality " + esc(runId)
                + "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}tr.fail td,tr.error td{background:#fde2e1}"
                + "tr.warn td{background:#fff4d6}code{font-size:11px}</style></head><body>"
                + "<h1>Data quality: run " + esc(runId) + "</h1>" + layers
                + "<h2>Checks</h2><table><tr><th>layer</th><th>check</th><th>severity</th><th>status</th>"
                + "<th>what it asserts</th><th>violations</th><th>sample</th></tr>" + rows + "</table>"
                + "<h2>Past runs</h2>"
                + SvgBarChart.vertical("Checks failing or erroring per run", failing, "#e15759", false)
                + SvgBarChart.vertical("Checks passing per run", passing, "#59a14f", false)
                + "</body></html>\n";
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String esc(String s) {
        return SvgBarChart.esc(s == null ? "" : s);
    }
}
