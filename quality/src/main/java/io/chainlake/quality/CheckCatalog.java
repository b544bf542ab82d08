package io.chainlake.quality;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks on the classpath: {@code checks/<layer>/*.sql}. Adding a check means adding a file. A file with the
 * header {@code -- recompute: job} (and optionally {@code -- except: column, ...}) and no query of its own compares
 * its table with the table's job run again ({@link JobRecomputation}).
 */
public final class CheckCatalog {

    private static final Pattern RECOMPUTE = Pattern.compile("(?m)^--\\s*recompute:\\s*job\\s*$");
    private static final Pattern EXCEPT = Pattern.compile("(?m)^--\\s*except:(.*)$");

    private CheckCatalog() {}

    public static List<Check> forLayer(Layer layer, Map<String, String> placeholders) {
        String folder = "checks/" + layer.database() + "/";
        List<Check> checks = new ArrayList<>();
        for (String name : SqlLayout.sqlFileNames(folder)) {
            String text = SqlScript.load(folder + name + ".sql", placeholders).text();
            Matcher recompute = RECOMPUTE.matcher(text);
            if (recompute.find()) {
                Matcher except = EXCEPT.matcher(text);
                Set<String> columns = except.find()
                        ? Set.of(except.group(1).trim().split("\\s*,\\s*")) : Set.of();
                text = text.strip() + "\n" + JobRecomputation.sql(layer, name.substring(0, name.indexOf("__")),
                        placeholders, columns);
            }
            checks.add(Check.parse(layer, name, text));
        }
        return checks;
    }
}
