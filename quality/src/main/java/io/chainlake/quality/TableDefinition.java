package io.chainlake.quality;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A layer table as its DDL file declares it: the contract the generated checks hold the stored table to, whatever
 * the table in the catalog has become (recreated without its key, say).
 */
record TableDefinition(String name, List<String> key, List<Column> columns) {

    private static final Pattern PRIMARY_KEY = Pattern.compile("PRIMARY KEY \\(([^)]*)\\) NOT ENFORCED");
    private static final Pattern COLUMN = Pattern.compile("^\\s+`?([a-z0-9_]+)`?\\s+([A-Z]+)[^,]*?(COMMENT|,|$)",
            Pattern.MULTILINE);

    record Column(String name, String type) {}

    static TableDefinition of(Layer layer, String table, Map<String, String> placeholders) {
        String name = layer.database() + "." + table;
        String ddl = SqlScript.load(SqlLayout.tableResource(layer, table), placeholders).statements().get(0);
        Matcher key = PRIMARY_KEY.matcher(ddl);
        if (!key.find()) {
            throw new IllegalArgumentException(name + ": its DDL declares no primary key");
        }
        List<String> keys = Arrays.stream(key.group(1).split(",")).map(c -> c.trim().replace("`", "")).toList();
        List<Column> columns = new ArrayList<>();
        Matcher c = COLUMN.matcher(ddl.substring(ddl.indexOf('('), key.start()));
        while (c.find()) {
            columns.add(new Column(c.group(1), c.group(2)));
        }
        return new TableDefinition(name, keys, List.copyOf(columns));
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
