package io.chainlake.orchestration;

import io.chainlake.catalog.WarehouseSession;
import io.chainlake.orchestration.kafka.ChainTopics;
import io.chainlake.orchestration.kafka.KafkaCluster;
import io.chainlake.orchestration.kafka.NewestRecords;
import io.chainlake.orchestration.stream.CheckpointStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.apache.flink.types.Row;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.paimon.Snapshot;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.table.FileStoreTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "How current the warehouse is: per layer the latest block height, how many blocks it lags the newest "
                    + "block in Kafka (the highest height header among the last records of btc.block, up to 64 MB "
                    + "of them) and when the table last committed; then the newest checkpoint of this warehouse's "
                    + "stream. CSV on stdout.",
            "Kafka: --bootstrap-servers, else kafka.bootstrap-servers when configured, else the broker of a running "
                    + "'kafka start', else 127.0.0.1:9092; when none answers the Kafka row and the lags stay empty."})
final class StatusCommand implements Callable<Integer> {

    /** The table each layer's height is read from, and how. */
    record LayerHeight(String layer, String table, String heightSql) {}

    static final List<LayerHeight> LAYERS = List.of(
            new LayerHeight("ods", "ods.btc_block_raw", "SELECT MAX(height_hint) FROM ods.btc_block_raw"),
            new LayerHeight("dwd", "dwd.btc_block", "SELECT MAX(block_height) FROM dwd.btc_block WHERE in_main_chain"),
            new LayerHeight("dws", "dws.btc_block_stats", "SELECT MAX(height) FROM dws.btc_block_stats"),
            new LayerHeight("ads", "ads.chain_daily_report", "SELECT MAX(last_height) FROM ads.chain_daily_report"));

    /** How much of btc.block's end is read for its newest height: a whole small topic, dozens of mainnet blocks. */
    static final long TAIL_BYTES = 64L << 20;

    @ParentCommand
    ChainlakeCli cli;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka cluster to ask.")
    String bootstrapServers;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Checkpoint folder of the stream (default, as for 'stream': "
                    + "./work/checkpoints/<warehouse>-<hash>).")
    Path checkpointDir;

    @Override
    public Integer call() throws Exception {
        String servers = KafkaCommand.bootstrapServers(bootstrapServers, cli);
        Optional<ConsumerRecord<String, byte[]>> newest = KafkaCluster.isReachable(servers, Duration.ofSeconds(5))
                ? NewestRecords.tail(servers, ChainTopics.BLOCK, Duration.ofSeconds(15), TAIL_BYTES).stream()
                        .filter(r -> height(r).isPresent())
                        .max((a, b) -> Integer.compare(height(a).getAsInt(), height(b).getAsInt()))
                : Optional.empty();
        OptionalInt kafkaHeight = newest.map(StatusCommand::height).orElse(OptionalInt.empty());
        CsvWriter csv = new CsvWriter(System.out);
        csv.header(List.of("layer", "source", "latest_height", "lag_blocks", "updated_at"));
        csv.row(Row.of("kafka", ChainTopics.BLOCK + "@" + servers, boxed(kafkaHeight), null,
                newest.map(r -> Instant.ofEpochMilli(r.timestamp()).toString()).orElse(null)));
        try (WarehouseSession session = WarehouseSession.batch(cli.config())) {
            for (LayerHeight l : LAYERS) {
                Optional<Snapshot> snapshot = latestSnapshot(session.paimonCatalog(), l.table());
                OptionalInt height = snapshot.isEmpty() ? OptionalInt.empty() : queryHeight(session, l.heightSql());
                // never below 0: a layer can hold a block higher than the newest the tail of the topic shows
                Integer lag = height.isPresent() && kafkaHeight.isPresent()
                        ? Math.max(0, kafkaHeight.getAsInt() - height.getAsInt()) : null;
                csv.row(Row.of(l.layer(), l.table(), boxed(height), lag,
                        snapshot.map(s -> Instant.ofEpochMilli(s.timeMillis()).toString()).orElse(null)));
            }
        }
        CheckpointStore checkpoints = checkpointDir != null ? new CheckpointStore(checkpointDir)
                : CheckpointStore.forWarehouse(Path.of("work"), cli.config().warehouse());
        Optional<Path> chk = checkpoints.latest();
        String written = chk.isEmpty() ? null
                : Files.getLastModifiedTime(chk.get().resolve("_metadata")).toInstant().toString();
        csv.row(Row.of("checkpoint", chk.orElse(checkpoints.dir()).toString(), null, null, written));
        return 0;
    }

    /** The block height a record's header states, when it states one. */
    private static OptionalInt height(ConsumerRecord<String, byte[]> record) {
        Header h = record.headers().lastHeader(ChainTopics.HEIGHT_HEADER);
        if (h == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(new String(h.value(), StandardCharsets.UTF_8).trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<Snapshot> latestSnapshot(Catalog catalog, String table) {
        try {
            return Optional.ofNullable(((FileStoreTable) catalog.getTable(Identifier.fromString(table)))
                    .snapshotManager().latestSnapshot());
        } catch (Catalog.TableNotExistException e) {
            return Optional.empty();
        }
    }

    private static OptionalInt queryHeight(WarehouseSession session, String sql) {
        List<Row> rows = session.query(sql);
        Object v = rows.isEmpty() ? null : rows.get(0).getField(0);
        return v == null ? OptionalInt.empty() : OptionalInt.of(((Number) v).intValue());
    }

    private static Integer boxed(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }
}
