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
 * The checks on the classpath: {@code checks/<layer>/*.sql}. Adding a check means adding a file. A file with the
 * header {@code -- recompute: job} (and optionally {@code -- except: column, ...}) and no query of its own compares
 * its table with the table's job run again ({@link JobRecomputation}); which checks run where is
 * {@link CheckOccasion}'s rule.
 */
public final class CheckCatalog {

    private static final Pattern EXCEPT = Pattern.compile("(?m)^--\\s*except:(.*)$");

    private CheckCatalog() {}

    /** The layer's checks that run on {@code occasion}. */
    public static List<Check> forLayer(Layer layer, Map<String, String> placeholders, CheckOccasion occasion) {
        String folder = "checks/" + layer.database() + "/";
        return SqlLayout.sqlFileNames(folder).stream()
                .map(name -> load(layer, name, SqlScript.load(folder + name + ".sql", placeholders).text(),
                        placeholders))
                .filter(occasion::includes)
                .toList();
    }

    /**
     * One check file: its header parsed (and its name checked) first, then a key or recompute check's query
     * generated; what stops the generation (an unknown {@code except} column, a table without key) is an error
     * naming the file.
     */
    static Check load(Layer layer, String name, String text, Map<String, String> placeholders) {
        Check check = Check.parse(layer, name, text);
        try {
            if (check.primaryKeyCheck()) {
                return uniqueKey(check, TableDefinition.of(layer, Check.table(layer, name), placeholders));
            }
            Matcher except = EXCEPT.matcher(text);
            if (!check.recompute()) {
                if (except.find()) {
                    throw new IllegalArgumentException("'-- except:' belongs to a '-- recompute: job' check");
                }
                return check;
            }
            List<String> columns = except.find() ? List.of(except.group(1).trim().split("\\s*,\\s*")) : List.of();
            return check.withSql(check.sql() + "\n"
                    + JobRecomputation.sql(layer, Check.table(layer, name), placeholders, columns));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name + ".sql: " + e.getMessage(),
                    e);
        }
    }

    /**
     * A {@code -- unique: primary key} check: the key of the table's DDL has one row per value and no NULL. A Paimon
     * primary-key table merges rows by its key, so while the stored table still declares that key the runner passes
     * the check without reading the table (QualityRunner); the query finds the rows of a table that no longer
     * enforces it (recreated without the key, or as an append table).
     */
    private static Check uniqueKey(Check check, TableDefinition table) {
        String key = table.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
        String nulls = table.key().stream().map(k -> " OR `" + k + "` IS NULL").collect(Collectors.joining());
        String sql = "SELECT " + key + ", COUNT(*) AS row_count FROM " + table.name() + " GROUP BY " + key
                + " HAVING COUNT(*) > 1" + nulls;
        return check.withUniqueKey(table.key(), sql, "the primary key (" + String.join(", ", table.key())
                + ") is unique and not null: one row per key (while the stored table declares this key, Paimon"
                + " merges rows by it and the check passes without reading the table)");
    }
}
