package io.chainlake.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MySQL-compatible server of dimensions and dashboard exports. Creates the project's database and tables
 * itself, idempotently, from {@code mysql/<table>.sql} resources (MySQL dialect), and adds to an existing table the
 * columns and indexes those declare and it lacks.
 */
public final class MysqlStore {

    private final ChainlakeConfig config;

    public MysqlStore(ChainlakeConfig config) {
        this.config = config;
    }

    public String serverUrl() {
        return config.get(ChainlakeConfig.MYSQL_URL);
    }

    public String database() {
        return config.get(ChainlakeConfig.MYSQL_DATABASE);
    }

    public Connection connect(boolean withDatabase) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.get(ChainlakeConfig.MYSQL_USER));
        props.setProperty("password", config.get(ChainlakeConfig.MYSQL_PASSWORD));
        props.setProperty("connectTimeout", "3000");
        props.setProperty("socketTimeout", "30000");
        String url = serverUrl() + (withDatabase ? "/" + database() : "/");
        return DriverManager.getConnection(url, props);
    }

    /** Why the server cannot be used, or empty when it can (database created if missing). */
    public Optional<String> unavailableReason() {
        try (Connection c = connect(false); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database() + "`");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }

    /**
     * Runs a MySQL-dialect DDL resource (CREATE TABLE IF NOT EXISTS ...) in the project database, then gives a table
     * that already existed the columns and named indexes its CREATE TABLE declares and it lacks: one an older
     * chainlake created, or btcpool's own table from before its {@code db.change.sql}. A column or index is only
     * ever added, or renamed by a {@code -- chainlake:renamed OLD -> NEW} line of the DDL, so that is the whole
     * migration; columns chainlake does not declare (btcpool's or the operator's own) are left alone.
     */
    public void ensureTable(String resource) throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            for (String statement : SqlScript.load(resource, config.placeholders()).statements()) {
                s.execute(statement);
                Optional<MysqlTableShape> shape = MysqlTableShape.of(statement);
                if (shape.isPresent()) {
                    addMissing(c, shape.get());
                }
            }
        }
    }

    private static void addMissing(Connection c, MysqlTableShape shape) throws SQLException {
        String database = shape.database() != null ? shape.database() : c.getCatalog();
        Set<String> columns = names(c, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?", database, shape.table());
        Set<String> indexes = names(c, "SELECT DISTINCT index_name FROM information_schema.statistics"
                + " WHERE table_schema = ? AND table_name = ?", database, shape.table());
        Map<String, Long> lengths = lengths(c, database, shape.table());
        List<String> added = new ArrayList<>();
        String previous = null;
        for (MysqlTableShape.Part column : shape.columns()) {
            Optional<String> former = formerName(shape, column.name(), columns);
            if (former.isPresent()) {
                alter(c, database, shape.table(), "column " + column.name(), "CHANGE COLUMN `" + former.get() + "` "
                        + column.definition());
                added.add("column " + former.get() + " renamed " + column.name());
            } else if (!columns.contains(column.name().toLowerCase(Locale.ROOT))) {
                alter(c, database, shape.table(), "column " + column.name(), "ADD COLUMN " + column.definition()
                        + (previous == null ? " FIRST" : " AFTER `" + previous + "`"));
                added.add("column " + column.name() + " added");
            } else {
                OptionalInt declared = declaredLength(column.definition());
                Long existing = lengths.get(column.name().toLowerCase(Locale.ROOT));
                if (declared.isPresent() && existing != null && existing < declared.getAsInt()) {
                    alter(c, database, shape.table(), "the width of column " + column.name(),
                            "MODIFY COLUMN " + column.definition());
                    added.add("column " + column.name() + " widened to " + declared.getAsInt());
                }
            }
            previous = column.name();
        }
        for (MysqlTableShape.Part index : shape.indexes()) {
            Optional<String> former = formerName(shape, index.name(), indexes);
            if (former.isPresent()) {
                alter(c, database, shape.table(), "index " + index.name(), "RENAME INDEX `" + former.get() + "` TO `"
                        + index.name() + "`");
                added.add("index " + former.get() + " renamed " + index.name());
            } else if (!indexes.contains(index.name().toLowerCase(Locale.ROOT))) {
                alter(c, database, shape.table(), "index " + index.name(), "ADD " + index.definition());
                added.add("index " + index.name() + " added");
            }
        }
        if (!added.isEmpty()) {
            System.err.println("mysql: " + database + "." + shape.table() + " was created by an older schema: "
                    + String.join(", ", added));
        }
    }

    private static final Pattern CHAR_TYPE = Pattern.compile(
            "^\\S+\\s+(?:VAR)?CHAR\\s*\\(\\s*(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);

    /** The length a {@code CHAR(n)} / {@code VARCHAR(n)} column definition declares, empty for other types. */
    static OptionalInt declaredLength(String definition) {
        Matcher m = CHAR_TYPE.matcher(definition.strip());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Character length of each character column of a table, by lower-case name. */
    private static Map<String, Long> lengths(Connection c, String database, String table) throws SQLException {
        Map<String, Long> lengths = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT column_name, character_maximum_length"
                + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " AND character_maximum_length IS NOT NULL")) {
            p.setString(1, database);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    lengths.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
                }
            }
        }
        return lengths;
    }

    /** The earlier name a missing column or index still has in the table, if the statement declares a rename. */
    private static Optional<String> formerName(MysqlTableShape shape, String name, Set<String> existing) {
        if (existing.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return shape.renamed().entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(name))
                .map(Map.Entry::getKey)
                .filter(former -> existing.contains(former.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static void alter(Connection c, String database, String table, String what, String clause)
            throws SQLException {
        String alter = "ALTER TABLE `" + database + "`.`" + table + "` " + clause;
        try (Statement s = c.createStatement()) {
            s.execute(alter);
        } catch (SQLException e) {
            throw new SQLException("mysql table " + database + "." + table + " lacks " + what + " and MySQL refused"
                    + " to change it (" + e.getMessage() + "); change it by hand: " + alter, e.getSQLState(), e);
        }
    }

    /** The lower-case values of a one-column query on information_schema for a table. */
    private static Set<String> names(Connection c, String sql, String database, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, database);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
