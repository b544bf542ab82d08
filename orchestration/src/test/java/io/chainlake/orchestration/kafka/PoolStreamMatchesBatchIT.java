package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.MysqlStore;
import io.chainlake.orchestration.LocalMysql;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareLogReader;
import io.chainlake.orchestration.CliRun;
import io.chainlake.orchestration.stream.StreamDomain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.types.Row;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One simulated share log (late, duplicate and malformed messages included) goes through Kafka into a streamed
 * warehouse ({@code stream --only pool --until-idle}) and through {@code load-shares} + {@code build} into a batch
 * warehouse; every pool DWS and ADS table must hold the same rows in both, and ODS the same rejects. Its own broker:
 * topic pool.share has one partition here, so Kafka keeps the file's order and the late rule (a newer share read
 * before, from the same source) sees the same predecessors as in the file.
 */
class PoolStreamMatchesBatchIT {

    static final String POOL_DATABASE = "chainlake_pool_it_stream";
    /** Columns that say where a share was read (file line vs. Kafka offset), not what it is. */
    static final Set<String> PROVENANCE = Set.of("source_name", "source_partition", "source_offset");

    @TempDir
    Path dir;

    @Test
    void streamingTheShareLogThroughKafkaGivesTheBatchBuildsRows() throws Exception {
        MysqlStore mysql = LocalMysql.withoutDatabases(new MysqlStore(config(dir.resolve("batch"))), POOL_DATABASE);
        Path log = dir.resolve("shares.jsonl");
        // 20 workers for 15 minutes across midnight; late messages up to 400 s, beyond the 300 s allowed lateness
        CliRun simulate = cli(dir.resolve("batch"), "simulate-pool", "--out", log.toString(), "--users", "4",
                "--workers", "20", "--rate", "5", "--duration", "15m", "--seed", "5", "--start",
                "2024-03-01T23:50:00Z", "--max-delay", "400", "--blkbits", "193fffc0");
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        assertThat(simulate.out()).containsPattern("[1-9]\\d* late, [1-9]\\d* duplicates, [1-9]\\d* malformed");
        List<byte[]> messages = new ArrayList<>();
        ShareLogReader.read(log, ShareEncoding.JSON, r -> messages.add(r.payload()));

        List<String> streamRejectLines;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
            String servers = kafka.bootstrapServers();
            try (Admin admin = KafkaCluster.admin(servers)) {
                KafkaCluster.createMissingTopics(admin,
                        List.of(new NewTopic(PoolTopics.SHARE, Optional.of(1), Optional.empty())));
            }
            try (KafkaProducer<String, byte[]> producer = KafkaCluster.producer(servers)) {
                messages.forEach(m -> producer.send(new ProducerRecord<>(PoolTopics.SHARE, m)));
                producer.flush();
            }
            CliRun stream = cli(dir.resolve("stream"), "stream", "--only", "pool", "--bootstrap-servers", servers,
                    "--until-idle", "10", "--checkpoints", dir.resolve("checkpoints").toString());
            assertThat(stream.exitCode()).as(stream.err()).isZero();
            assertThat(stream.err()).contains("ods  2 jobs: ods.pool_share_raw, ods.pool_share_reject");
            streamRejectLines = stream.err().lines().filter(l -> l.startsWith("reject: ")).toList();
        }
        CliRun load = cli(dir.resolve("batch"), "load-shares", log.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        CliRun build = cli(dir.resolve("batch"), "build");
        assertThat(build.exitCode()).as(build.err()).isZero();

        try (WarehouseSession streamed = WarehouseSession.batch(config(dir.resolve("stream")));
                WarehouseSession batch = WarehouseSession.batch(config(dir.resolve("batch")))) {
            assertThat(streamed.count("ods.pool_share_raw")).isEqualTo(messages.size());
            String rejects = "SELECT reason, COUNT(*) FROM ods.pool_share_reject GROUP BY reason";
            assertThat(rendered(streamed.query(rejects))).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(rendered(batch.query(rejects)));
            // one partition in log order: Kafka offset n is line n + 1 of the log, the position load-shares names
            List<String> batchPositions = rendered(batch.query(
                    "SELECT source_offset, reason FROM ods.pool_share_reject"));
            assertThat(rendered(streamed.query("SELECT source_offset + 1, reason FROM ods.pool_share_reject")))
                    .containsExactlyInAnyOrderElementsOf(batchPositions);
            assertThat(streamRejectLines).as("one stderr line per reject, naming topic-partition and offset")
                    .hasSameSizeAs(batchPositions)
                    .allMatch(l -> l.matches("reject: " + PoolTopics.SHARE + "-0 offset \\d+: .+"));
            assertThat(batch.count("dws.pool_share_late")).as("late shares in the log").isPositive();
            for (Layer layer : List.of(Layer.DWD, Layer.DWS, Layer.ADS)) {
                for (String table : SqlLayout.tables(layer)) {
                    String name = layer.database() + "." + table;
                    if (StreamDomain.of(name) != StreamDomain.POOL) {
                        continue;
                    }
                    String select = "SELECT " + columns(batch, name) + " FROM " + name;
                    List<String> expected = rendered(batch.query(select));
                    if (!name.equals("ads.pool_worker_anomaly")) { // a calm simulated fleet may have no episode
                        assertThat(expected).as("%s in batch", name).isNotEmpty();
                    }
                    assertThat(rendered(streamed.query(select))).as("%s streamed vs. batch", name)
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }
    }

    private static String columns(WarehouseSession session, String table) {
        return session.tableEnv().from(table).getResolvedSchema().getColumnNames().stream()
                .filter(c -> !PROVENANCE.contains(c)).map(c -> "`" + c + "`").collect(Collectors.joining(", "));
    }

    /** Rows as text; doubles to 12 significant digits, as sums added in another order differ in the last bits. */
    private static List<String> rendered(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.getArity(); i++) {
                Object v = r.getField(i);
                b.append(i == 0 ? "" : " | ").append(v instanceof Double d ? String.format(Locale.ROOT, "%.12g", d)
                        : v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(v));
            }
            out.add(b.toString());
        }
        return out;
    }

    private static ChainlakeConfig config(Path warehouse) {
        return ChainlakeConfig.defaultsWith(Map.of(ChainlakeConfig.WAREHOUSE, warehouse.toString(),
                ChainlakeConfig.MYSQL_POOL_DATABASE, POOL_DATABASE, ChainlakeConfig.PARALLELISM, "1"));
    }

    private static CliRun cli(Path warehouse, String... args) {
        List<String> all = new ArrayList<>(List.of("--warehouse", warehouse.toString(), "--set",
                "mysql.pool-database=" + POOL_DATABASE, "--set", "parallelism=1"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
