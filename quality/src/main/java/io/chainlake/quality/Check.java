package io.chainlake.quality;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One data-quality check: a SQL file {@code checks/<layer>/<table>__<check>.sql} returning the violating rows,
 * with its metadata in {@code -- key: value} header comments:
 * <pre>
 * -- description: every main-chain block in ODS has one DWD row
 * -- severity: error            (error | warn)
 * -- threshold: 0               (largest observed value that passes; default 0)
 * -- observed: violations       (violations: the row count | metric: the query returns one row whose
 *                                 observed_value column is the measure; rows are returned only when it fails)
 * -- recompute: job             (instead of a query: the table against its own job run again, see CheckCatalog;
 *                                 such a check runs on demand only, see CheckOccasion)
 * -- runs: on-demand            (a query that derives a layer's columns again the way its job does: on demand
 *                                 only, like a recompute check; default: always)
 * -- unique: primary key        (instead of a query and description: the key of the table's DDL is unique and not
 *                                 null, see CheckCatalog; {@code primaryKeyCheck} says so, {@code uniqueKey} holds
 *                                 its columns and the description is generated once loaded)
 * </pre>
 */
public record Check(
        String name,
        Layer layer,
        String table,
        String severity,
        double threshold,
        boolean metric,
        String description,
        String sql,
        boolean recompute,
        boolean onDemandOnly,
        boolean primaryKeyCheck,
        List<String> uniqueKey) {

    static Check parse(Layer layer, String name, String text) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String t = line.trim();
            if (t.startsWith("--") && t.indexOf(':') > 2) {
                String key = t.substring(2, t.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                if (List.of("description", "severity", "threshold", "observed", "recompute", "runs",
                        "unique").contains(key)) {
                    meta.put(key, t.substring(t.indexOf(':') + 1).trim());
                }
            }
        }
        String table = table(layer, name);
        String severity = meta.getOrDefault("severity", "");
        if (!severity.equals("error") && !severity.equals("warn")) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name
                    + ".sql: '-- severity: error|warn' is required, found '" + severity + "'");
        }
        String unique = meta.get("unique");
        if (unique != null && !unique.equals("primary key")) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name
                    + ".sql: '-- unique:' must be primary key, found '" + unique + "'");
        }
        String description = meta.getOrDefault("description", "");
        if (description.isBlank() && unique == null) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name
                    + ".sql: '-- description: ...' is required");
        }
        String observed = meta.getOrDefault("observed", "violations");
        if (!observed.equals("violations") && !observed.equals("metric")) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name
                    + ".sql: '-- observed:' must be violations or metric");
        }
        String recompute = meta.get("recompute");
        if (recompute != null && !recompute.equals("job")) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name
                    + ".sql: '-- recompute:' must be job, found '" + recompute + "'");
        }
        String runs = meta.getOrDefault("runs", "always");
        if (!runs.equals("always") && !runs.equals("on-demand")) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name
                    + ".sql: '-- runs:' must be always or on-demand, found '" + runs + "'");
        }
        String sql = text.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        if ((recompute != null || unique != null) && !new SqlScript(name, sql).withoutComments().isBlank()) {
            String header = recompute != null ? "recompute: job" : "unique: primary key";
            throw new IllegalArgumentException("check " + layer.database() + "/" + name + ".sql: a '-- " + header
                    + "' check has no query of its own");
        }
        return new Check(name, layer, layer.database() + "." + table, severity,
                Double.parseDouble(meta.getOrDefault("threshold", "0")), observed.equals("metric"), description, sql,
                recompute != null, recompute != null || runs.equals("on-demand"), unique != null, List.of());
    }

    /** The table a check file {@code <table>__<check>} is about; a name without both parts is an error naming it. */
    static String table(Layer layer, String name) {
        int split = name.indexOf("__");
        if (split <= 0 || split + 2 >= name.length()) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name
                    + ".sql: name must be <table>__<check>");
        }
        return name.substring(0, split);
    }

    /** The same check with {@code sql} as its query (a recompute check's generated comparison). */
    Check withSql(String sql) {
        return new Check(name, layer, table, severity, threshold, metric, description, sql, recompute,
                onDemandOnly, primaryKeyCheck, uniqueKey);
    }

    /** The same check as the uniqueness of {@code key}, with its generated query and description. */
    Check withUniqueKey(List<String> key, String sql, String description) {
        return new Check(name, layer, table, severity, threshold, metric, description, sql, recompute,
                onDemandOnly, primaryKeyCheck, List.copyOf(key));
    }
}
