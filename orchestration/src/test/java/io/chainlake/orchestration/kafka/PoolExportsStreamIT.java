package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.ads.PoolExports;
import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.orchestration.LocalMysql;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareLogReader;
import io.chainlake.orchestration.CliRun;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * btcpool's MySQL tables written by {@code stream --only pool} equal those written by {@code load-shares} +
 * {@code build} of the same simulated share log, although MySQL goes away while the stream exports (a TCP proxy
 * between the job and the real server is cut and restored), and publishing the whole log again changes no row.
 */
class PoolExportsStreamIT {

    static final String STREAM_DATABASE = "chainlake_pool_it_export_stream";
    static final String BATCH_DATABASE = "chainlake_pool_it_export_batch";
    /** MySQL's own bookkeeping: auto-increment ids and the times a row was written, not the figures. */
    static final Set<String> WRITE_TIME = Set.of("id", "created_at", "updated_at");

    @TempDir
    Path dir;

    @Test
    void streamedExportsEqualTheBatchOnesThroughAMysqlOutageAndAReplay() throws Exception {
        MysqlStore mysql = LocalMysql.withoutDatabases(new MysqlStore(ChainlakeConfig.defaultsWith(Map.of())),
                STREAM_DATABASE, BATCH_DATABASE);
        Path log = dir.resolve("shares.jsonl");
        // 20 workers for 75 minutes across midnight: two days, several hours, late and duplicate messages
        String[] fleet = {"--users", "4", "--workers", "20", "--rate", "4", "--duration", "75m", "--seed", "11",
            "--start", "2024-03-01T23:30:00Z", "--max-delay", "400", "--blkbits", "193fffc0"};
        for (String database : List.of(BATCH_DATABASE, STREAM_DATABASE)) { // the same workers in both databases
            List<String> args = new ArrayList<>(List.of("simulate-pool", "--out",
                    dir.resolve(database + ".jsonl").toString()));
            args.addAll(List.of(fleet));
            CliRun simulate = cli(dir.resolve("batch"), database, null, args.toArray(String[]::new));
            assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        }
        java.nio.file.Files.copy(dir.resolve(BATCH_DATABASE + ".jsonl"), log);
        List<byte[]> messages = new ArrayList<>();
        ShareLogReader.read(log, ShareEncoding.JSON, r -> messages.add(r.payload()));

        Map<String, List<String>> afterStream;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
                TcpProxy proxy = TcpProxy.start("127.0.0.1", 3306);
                KafkaProducer<String, byte[]> producer = KafkaCluster.producer(kafka.bootstrapServers())) {
            String servers = kafka.bootstrapServers();
            try (Admin admin = KafkaCluster.admin(servers)) { // one partition: the file's order, as in batch
                KafkaCluster.createMissingTopics(admin,
                        List.of(new NewTopic(PoolTopics.SHARE, Optional.of(1), Optional.empty())));
            }
            String proxied = "jdbc:mysql://127.0.0.1:" + proxy.port();
            String[] stream = {"stream", "--only", "pool", "--bootstrap-servers", servers, "--until-idle", "15",
                "--checkpoints", dir.resolve("checkpoints").toString()};
            publish(producer, messages.subList(0, messages.size() / 2));
            CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(
                    () -> cli(dir.resolve("stream"), STREAM_DATABASE, proxied, stream));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (rowCount(mysql, "stats_workers_hour") == 0) {
                assertThat(running).as("the stream ended before exporting").isNotDone();
                assertThat(System.nanoTime()).as("first exported rows within 5 minutes").isLessThan(deadline);
                Thread.sleep(200);
            }
            proxy.cut(); // MySQL goes away while the stream exports ...
            assertThat(proxy.cutConnections()).as("connections of the running job").isPositive();
            publish(producer, messages.subList(messages.size() / 2, messages.size()));
            Thread.sleep(12_000);
            proxy.restore(); // ... and comes back
            CliRun first = running.get(10, TimeUnit.MINUTES);
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).contains("mysql 8 exports: " + STREAM_DATABASE + ".");
            afterStream = snapshot(mysql, STREAM_DATABASE, Set.of());

            publish(producer, messages); // the whole log again: every share a redelivery
            CliRun replay = cli(dir.resolve("stream"), STREAM_DATABASE, proxied, stream);
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.err()).contains("stream: resumed from");
            assertThat(snapshot(mysql, STREAM_DATABASE, Set.of())).as("every column of every row after the replay")
                    .isEqualTo(afterStream);
        }

        CliRun load = cli(dir.resolve("batch"), BATCH_DATABASE, null, "load-shares", log.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        CliRun build = cli(dir.resolve("batch"), BATCH_DATABASE, null, "build");
        assertThat(build.exitCode()).as(build.err()).isZero();
        Map<String, List<String>> batch = snapshot(mysql, BATCH_DATABASE, WRITE_TIME);
        Map<String, List<String>> streamed = snapshot(mysql, STREAM_DATABASE, WRITE_TIME);
        assertThat(batch.keySet()).containsExactlyInAnyOrderElementsOf(PoolExports.tables());
        for (String table : batch.keySet()) {
            if (!table.equals("found_blocks")) {
                assertThat(batch.get(table)).as("%s in batch", table).isNotEmpty();
            }
            assertThat(rounded(streamed.get(table))).as("%s streamed vs. batch", table)
                    .containsExactlyInAnyOrderElementsOf(rounded(batch.get(table)));
        }
        assertThat(batch.get("stats_pool_day")).as("the two UTC days").hasSize(2);
    }

    private static void publish(KafkaProducer<String, byte[]> producer, List<byte[]> messages) {
        messages.forEach(m -> producer.send(new ProducerRecord<>(PoolTopics.SHARE, m)));
        producer.flush();
    }

    private static long rowCount(MysqlStore mysql, String table) throws SQLException {
        try (Connection c = mysql.connect(false); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                        + STREAM_DATABASE + "' AND table_name = '" + table + "'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        try (Connection c = mysql.connect(false); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + STREAM_DATABASE + "." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every exported table's rows as text, columns in table order, the excluded ones left out. */
    private static Map<String, List<String>> snapshot(MysqlStore mysql, String database, Set<String> excluded)
            throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = mysql.connect(false); Statement s = c.createStatement()) {
            for (String table : PoolExports.tables()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + database + "." + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (!excluded.contains(meta.getColumnName(i))) {
                                b.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(" | ");
                            }
                        }
                        rows.add(b.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** Decimal figures to 12 significant digits: sums added in another order differ in the last bits. */
    private static List<String> rounded(List<String> rows) {
        return rows.stream().map(row -> {
            StringBuilder b = new StringBuilder();
            for (String cell : row.split(" \\| ")) {
                String[] kv = cell.split("=", 2);
                String v = kv[1];
                if (v.matches("-?\\d+\\.\\d+(E-?\\d+)?")) {
                    v = new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
                }
                b.append(kv[0]).append('=').append(v).append(" | ");
            }
            return b.toString();
        }).toList();
    }

    private static CliRun cli(Path warehouse, String database, String mysqlUrl, String... args) {
        List<String> all = new ArrayList<>(List.of("--warehouse", warehouse.toString(), "--set",
                "mysql.pool-database=" + database, "--set", "parallelism=1"));
        if (mysqlUrl != null) {
            all.addAll(List.of("--set", "mysql.url=" + mysqlUrl));
        }
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
