package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate-pool} writes its users and workers to MySQL once, however often it runs; --no-dims writes none. */
class SimulatePoolDimsIT {

    static final String POOL_DATABASE = "chainlake_pool_it_simulate_dims";

    @TempDir
    Path dir;

    @Test
    void writesEachUserAndWorkerOnceAndNoneWithNoDims() throws Exception {
        MysqlStore mysql = LocalMysql.withoutDatabases(new MysqlStore(ChainlakeConfig.defaultsWith(Map.of())),
                POOL_DATABASE);
        String[] args = {"--set", "mysql.pool-database=" + POOL_DATABASE, "simulate-pool", "--users", "4", "--workers",
            "12", "--rate", "4", "--duration", "30", "--out", dir.resolve("s.jsonl").toString()};

        CliRun noDims = CliRun.of(concat(args, "--no-dims"));
        assertThat(noDims.exitCode()).as(noDims.err()).isZero();
        try (Connection c = mysql.connect(false); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW DATABASES LIKE '" + POOL_DATABASE + "'")) {
            assertThat(r.next()).as("--no-dims creates nothing").isFalse();
        }
        CliRun first = CliRun.of(args);
        CliRun second = CliRun.of(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.err()).contains("wrote 12 workers of 4 users to MySQL " + POOL_DATABASE);
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM " + POOL_DATABASE + ".users")).isEqualTo(4);
            assertThat(count(s, "SELECT COUNT(*) FROM " + POOL_DATABASE + ".mining_workers")).isEqualTo(12);
            assertThat(count(s, "SELECT COUNT(DISTINCT puid) FROM " + POOL_DATABASE + ".mining_workers")).isEqualTo(4);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
