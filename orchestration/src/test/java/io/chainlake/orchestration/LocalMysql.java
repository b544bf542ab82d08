package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.MysqlStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's MySQL-compatible server (127.0.0.1:3306) as the ITs need it: up, and without an earlier run's data. */
public final class LocalMysql {

    private LocalMysql() {}

    /**
     * Fails the test when {@code mysql} cannot be reached, then drops {@code databases}: tables of an earlier run,
     * maybe with an older DDL, must not leak into this one.
     */
    public static MysqlStore withoutDatabases(MysqlStore mysql, String... databases) throws SQLException {
        assertThat(mysql.unavailableReason()).as("the local MySQL-compatible server on 127.0.0.1:3306").isEmpty();
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            for (String database : databases) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
        return mysql;
    }
}
