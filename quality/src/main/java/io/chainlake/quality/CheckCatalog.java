package io.chainlake.quality;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * One check file: its header parsed (and its name checked) first, then a recompute check's query generated; what
     * stops the generation (an unknown {@code except} column, a table without key) is an error naming the file.
     */
    static Check load(Layer layer, String name, String text, Map<String, String> placeholders) {
        Check check = Check.parse(layer, name, text);
        if (!check.recompute()) {
            return check;
        }
        Matcher except = EXCEPT.matcher(text);
        List<String> columns = except.find() ? List.of(except.group(1).trim().split("\\s*,\\s*")) : List.of();
        try {
            return check.withSql(check.sql() + "\n"
                    + JobRecomputation.sql(layer, Check.table(layer, name), placeholders, columns));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("check " + layer.database() + "/" + name + ".sql: " + e.getMessage(),
                    e);
        }
    }
}
