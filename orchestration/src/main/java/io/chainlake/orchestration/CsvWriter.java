package io.chainlake.orchestration;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import org.apache.flink.types.Row;

/** RFC 4180 CSV of query results: plain numbers (no exponent), UTC timestamps, arrays as [a,b], bytes as hex. */
final class CsvWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final PrintStream out;

    CsvWriter(PrintStream out) {
        this.out = out;
    }

    void header(List<String> columns) {
        StringJoiner line = new StringJoiner(",");
        columns.forEach(c -> line.add(quote(c)));
        out.println(line);
    }

    void row(Row row) {
        StringJoiner line = new StringJoiner(",");
        for (int i = 0; i < row.getArity(); i++) {
            line.add(quote(format(row.getField(i))));
        }
        out.println(line);
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Float f) {
            return format(f.doubleValue());
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        }
        if (v instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (v instanceof Object[] array) {
            StringJoiner j = new StringJoiner(",", "[", "]");
            for (Object o : array) {
                j.add(o == null ? "null" : format(o));
            }
            return j.toString();
        }
        return v.toString();
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
