package io.chainlake.quality;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query of a {@code -- recompute: job} check: the table's rows against its own job's SELECT run again over what
 * the job reads now, joined on the primary key. Every row the job would not write, every row it would write that is
 * missing, and every column that differs is a violation, so one check per table covers any edited, deleted or
 * invented row without restating the job's logic. The table's columns and key come from its DDL file; DOUBLE columns
 * are compared to 1e-9 relative (floating-point sums depend on the order rows are added in), nested types as text.
 */
final class JobRecomputation {

    private static final Pattern INSERT = Pattern.compile("^\\s*INSERT\\s+INTO\\s+([a-z_]+\\.[a-z0-9_]+)\\s+",
            Pattern.CASE_INSENSITIVE);

    private JobRecomputation() {}

    /**
     * The comparison query of {@code layer.table} with its job; {@code except} columns are not compared, and must
     * be columns of the table.
     */
    static String sql(Layer layer, String table, Map<String, String> placeholders, List<String> except) {
        TableDefinition definition = TableDefinition.of(layer, table, placeholders);
        String name = definition.name();
        String job = jobQuery(layer, table, placeholders);
        List<String> keys = definition.key();
        List<TableDefinition.Column> columns = definition.columns();
        List<String> unknown = except.stream().filter(e -> !definition.columnNames().contains(e)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("'-- except:' names columns " + name + " does not have: "
                    + String.join(", ", unknown));
        }
        String all = columns.stream().map(col -> q(col.name())).collect(Collectors.joining(", "));
        String keyOut = keys.stream().map(k -> "COALESCE(t." + q(k) + ", j." + q(k) + ") AS " + q(k))
                .collect(Collectors.joining(",\n        "));
        String on = keys.stream().map(k -> "j." + q(k) + " = t." + q(k)).collect(Collectors.joining(" AND "));
        String differs = columns.stream()
                .filter(col -> !keys.contains(col.name()) && !except.contains(col.name()))
                .map(col -> "CASE WHEN " + differs(col.name(), col.type()) + " THEN '" + col.name() + "' END")
                .collect(Collectors.joining(",\n                "));
        String first = q(keys.get(0));
        return """
                SELECT
                    %s,
                    problem
                FROM (
                    SELECT
                        %s,
                        CASE
                            WHEN t.%s IS NULL THEN 'row missing: its job computes it from the tables below'
                            WHEN j.%s IS NULL THEN 'row its job does not compute from the tables below'
                            ELSE CONCAT_WS(', ',
                                %s)
                        END AS problem
                    FROM %s AS t
                    FULL OUTER JOIN (
                        SELECT
                            *
                        FROM (
                %s
                        ) AS r (%s)
                    ) AS j
                        ON %s
                )
                WHERE problem <> ''""".formatted(
                keys.stream().map(JobRecomputation::q).collect(Collectors.joining(",\n    ")), keyOut, first, first,
                differs.isEmpty() ? "CAST(NULL AS STRING)" : differs, name, job, all, on);
    }

    /** The job file's SELECT: its one INSERT without the {@code INSERT INTO layer.table} head. */
    private static String jobQuery(Layer layer, String table, Map<String, String> placeholders) {
        SqlScript script = SqlScript.load(SqlLayout.jobResource(layer, table), placeholders);
        String insert = SqlScript.of(script.resource(), script.withoutComments(), Map.of()).statements().get(0);
        Matcher m = INSERT.matcher(insert);
        if (!m.find() || !m.group(1).equals(layer.database() + "." + table)) {
            throw new IllegalArgumentException(script.resource() + ": must INSERT INTO " + layer.database() + "."
                    + table);
        }
        return insert.substring(m.end()).strip();
    }

    private static String differs(String column, String type) {
        String t = "t." + q(column);
        String j = "j." + q(column);
        return switch (type) {
            case "DOUBLE", "FLOAT" -> "(" + t + " IS NULL) <> (" + j + " IS NULL) OR ABS(" + t + " - " + j
                    + ") > 1e-9 * GREATEST(ABS(" + t + "), ABS(" + j + "), 1.0)";
            case "ARRAY", "MAP", "ROW", "MULTISET" -> "CAST(" + t + " AS STRING) IS DISTINCT FROM CAST(" + j
                    + " AS STRING)";
            default -> t + " IS DISTINCT FROM " + j;
        };
    }

    private static String q(String column) {
        return "`" + column + "`";
    }
}
