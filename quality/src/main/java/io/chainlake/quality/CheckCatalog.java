package io.chainlake.quality;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks on the classpath: {@code checks/<layer>/*.sql}. Adding a check means adding a file. */
public final class CheckCatalog {

    private CheckCatalog() {}

    public static List<Check> forLayer(Layer layer, Map<String, String> placeholders) {
        String folder = "checks/" + layer.database() + "/";
        List<Check> checks = new ArrayList<>();
        for (String name : SqlLayout.sqlFileNames(folder)) {
            String text = SqlScript.load(folder + name + ".sql", placeholders).text();
            checks.add(Check.parse(layer, name, text));
        }
        return checks;
    }
}
