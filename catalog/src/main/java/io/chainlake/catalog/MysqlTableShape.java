package io.chainlake.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns and named indexes a MySQL {@code CREATE TABLE} statement declares, each with its definition as written,
 * so that a table an older chainlake (or an older btcpool schema) created can be given what it lacks.
 *
 * @param database the database the statement names, or null for the connection's
 * @param table    the table name
 * @param columns  column definitions in declaration order
 * @param indexes  named {@code KEY} / {@code UNIQUE KEY} / {@code INDEX} definitions (the primary key is not one)
 * @param renamed  earlier names of columns and indexes, new name by old, from {@code -- chainlake:renamed OLD -> NEW}
 *                 comment lines of the statement
 */
public record MysqlTableShape(
        String database, String table, List<Part> columns, List<Part> indexes, Map<String, String> renamed) {

    /** A column or index: its name and its definition, e.g. {@code `hour` INT NOT NULL COMMENT 'yyyyMMddHH'}. */
    public record Part(String name, String definition) {
    }

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(`[^`]+`|\\w+)(?:\\.(`[^`]+`|\\w+))?\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAMED = Pattern.compile("--\\s*chainlake:renamed\\s+(\\w+)\\s*->\\s*(\\w+)");
    private static final Set<String> CONSTRAINTS = Set.of("PRIMARY", "CONSTRAINT", "FOREIGN", "CHECK");
    private static final Set<String> INDEX_WORDS = Set.of("KEY", "INDEX", "UNIQUE", "FULLTEXT", "SPATIAL");

    /** The shape a statement declares, or empty when it is not a CREATE TABLE. */
    public static Optional<MysqlTableShape> of(String statement) {
        String sql = new SqlScript("statement", statement).withoutComments();
        Matcher m = CREATE_TABLE.matcher(sql);
        if (!m.find()) {
            return Optional.empty();
        }
        String database = m.group(2) == null ? null : unquote(m.group(1));
        String table = unquote(m.group(2) == null ? m.group(1) : m.group(2));
        List<Part> columns = new ArrayList<>();
        List<Part> indexes = new ArrayList<>();
        for (String item : topLevelItems(sql, m.end())) {
            String[] words = item.split("\\s+", 3);
            String first = words[0].toUpperCase(Locale.ROOT);
            if (CONSTRAINTS.contains(first)) {
                continue;
            }
            if (INDEX_WORDS.contains(first)) {
                int at = first.equals("KEY") || first.equals("INDEX") ? 1 : 2; // UNIQUE KEY name, KEY name
                String[] named = item.split("\\s+", at + 2);
                if (named.length > at + 1 && !named[at].startsWith("(")) {
                    indexes.add(new Part(unquote(named[at]), item));
                }
                continue;
            }
            columns.add(new Part(unquote(words[0]), item));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("CREATE TABLE " + table + " declares no column");
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        Matcher r = RENAMED.matcher(statement);
        while (r.find()) {
            renamed.put(r.group(1), r.group(2));
        }
        return Optional.of(new MysqlTableShape(database, table, columns, indexes, renamed));
    }

    /** The comma-separated items between the parenthesis opened just before {@code start} and the one closing it. */
    private static List<String> topLevelItems(String sql, int start) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = start; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                items.add(current.toString().trim().replaceAll("\\s+", " "));
                current.setLength(0);
                if (c == ')') {
                    return items;
                }
                continue;
            }
            current.append(c);
        }
        throw new IllegalArgumentException("CREATE TABLE without its closing parenthesis: " + sql.strip());
    }

    private static String unquote(String name) {
        return name.startsWith("`") ? name.substring(1, name.length() - 1) : name;
    }
}
