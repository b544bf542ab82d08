package io.chainlake.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * The MySQL-compatible server of dimensions and dashboard exports. Creates the project's database and tables
 * itself, idempotently, from {@code mysql/<table>.sql} resources (MySQL dialect).
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

    /** Runs a MySQL-dialect DDL resource (CREATE TABLE IF NOT EXISTS ...) in the project database. */
    public void ensureTable(String resource) throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            for (String statement : SqlScript.load(resource, config.placeholders()).statements()) {
                s.execute(statement);
            }
        }
    }
}
