package io.chainlake.orchestration.stream;

import io.chainlake.ads.PoolExports;
import io.chainlake.ads.alert.LargeTxAlertJob;
import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;

/**
 * Kafka → ODS → DWD → DWS → ADS as one Flink streaming job, from the same table and job SQL files as the batch
 * build: every layer's jobs go into one statement set, so one checkpoint covers the Kafka offsets and every Paimon
 * commit (exactly once), and a restart resumes from the newest checkpoint of this warehouse.
 */
public final class StreamingPipeline implements AutoCloseable {

    /** Runtime choices of one run. */
    public record Options(Duration checkpointInterval, CheckpointStore checkpoints, boolean restore,
            Set<StreamDomain> domains, StateBackend stateBackend) {

        /** The heap state backend, the default of `stream`. */
        public Options(Duration checkpointInterval, CheckpointStore checkpoints, boolean restore,
                Set<StreamDomain> domains) {
            this(checkpointInterval, checkpoints, restore, domains, StateBackend.HASHMAP);
        }
    }

    public static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final WarehouseSession session;
    private final JobClient job;
    private final List<String> tables;
    private final Optional<Path> restoredFrom;
    private final PrometheusEndpoint prometheus;

    private StreamingPipeline(WarehouseSession session, JobClient job, List<String> tables, Optional<Path> restoredFrom,
            PrometheusEndpoint prometheus) {
        this.session = session;
        this.job = job;
        this.tables = tables;
        this.restoredFrom = restoredFrom;
        this.prometheus = prometheus;
    }

    public static StreamingPipeline start(ChainlakeConfig config, Options options, Consumer<String> progress)
            throws Exception {
        Optional<Path> restore = options.restore()
                ? options.checkpoints().latestFor(options.stateBackend()) : Optional.empty();
        PrometheusEndpoint prometheus = PrometheusEndpoint.choose(
                Integer.parseInt(config.get(ChainlakeConfig.METRICS_PROMETHEUS_PORT)));
        WarehouseSession session = WarehouseSession.streaming(config, flinkConfig(options, restore, prometheus));
        try {
            StreamStatementSet statements = session.tableEnv().createStatementSet();
            LayerBuilder builder = new LayerBuilder(session);
            List<String> tables = new ArrayList<>();
            for (Layer layer : LAYERS) {
                List<String> added = builder.addStreaming(layer, statements,
                        table -> options.domains().contains(StreamDomain.of(table)));
                progress.accept(String.format("  %-4s %d jobs: %s", layer.database(), added.size(),
                        String.join(", ", added)));
                tables.addAll(added);
            }
            if (options.domains().contains(StreamDomain.POOL)) {
                List<String> exported = new PoolExports(session).addStreaming(statements);
                if (!exported.isEmpty()) {
                    progress.accept(String.format("  %-4s %d exports: %s", "mysql", exported.size(),
                            String.join(", ", exported)));
                }
            }
            if (LargeTxAlertJob.attach(session, statements)) {
                progress.accept("  alerts: large transactions to " + config.get(ChainlakeConfig.ALERT_WEBHOOK_URL));
                tables.add(LargeTxAlertJob.SENT_TABLE);
            }
            statements.attachAsDataStream();
            options.checkpoints().recordBackend(options.stateBackend());
            JobClient job = session.env().executeAsync("chainlake stream " + config.warehouse());
            return new StreamingPipeline(session, job, tables, restore, prometheus);
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
    }

    static Configuration flinkConfig(Options options, Optional<Path> restore, PrometheusEndpoint prometheus) {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", options.checkpointInterval().toMillis() + " ms");
        c.setString("execution.checkpointing.dir", options.checkpoints().dir().toUri().toString());
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        c.setString("execution.checkpointing.num-retained", "2");
        c.setString("execution.checkpointing.min-pause", "100 ms");
        // a failed task (MySQL away longer than the JDBC sink's retries, say) restarts the whole job from the last
        // checkpoint, with growing pauses and without a limit: the stream recovers once the outside is back. Whole
        // job, not only the failed region (the Paimon tables cut the job into many): the job shows RESTARTING while
        // it recovers, which the idle watch waits out, and every recovery is the restore a restarted stream does
        c.setString("jobmanager.execution.failover-strategy", "full");
        c.setString("restart-strategy.type", "exponential-delay");
        c.setString("restart-strategy.exponential-delay.initial-backoff", "1 s");
        c.setString("restart-strategy.exponential-delay.max-backoff", "30 s");
        // every layer reads the one below from Paimon: find new commits quickly, each hop costs one checkpoint.
        // Paimon 1.3's Flink factory reads only the per-table form of a dynamic option (`paimon.cat.db.table.key`,
        // `*` for any); the global `paimon.key` is ignored and the source kept its 10 s default
        c.setString("paimon.*.*.*.continuous.discovery-interval", "200 ms");
        // every layer's operators run at once (a batch build runs one wave at a time): give them network buffers
        c.setString("taskmanager.memory.network.min", "256m");
        c.setString("taskmanager.memory.network.max", "256m");
        // Paimon merges upserts by primary key itself and refuses Flink's sink materializer in front of it
        c.setString("table.exec.sink.upsert-materialize", "NONE");
        if (options.stateBackend() == StateBackend.ROCKSDB) {
            c.setString("state.backend.type", "rocksdb");
            // a checkpoint uploads the SST files written since the last one instead of all the state
            c.setString("execution.checkpointing.incremental", "true");
            c.setString("state.backend.rocksdb.localdir", options.checkpoints().rocksdbLocalDir().toString());
            // the stream has ~100 stateful operators, each its own RocksDB: sharing the slot's managed memory, their
            // write buffers were flushed almost at once (20 tx/s, checkpoints up to 57 s, against 80 tx/s on the
            // heap); each with RocksDB's own buffers it streams the backlog as fast as the heap
            c.setString("state.backend.rocksdb.memory.managed", "false");
            c.setString("state.backend.rocksdb.timer-service.factory", "HEAP");
        }
        restore.ifPresent(chk -> c.setString("execution.state-recovery.path", chk.toUri().toString()));
        prometheus.configure(c);
        return c;
    }

    public WarehouseSession session() {
        return session;
    }

    public JobClient job() {
        return job;
    }

    /** Every table the job writes, {@code layer.table}. */
    public List<String> tables() {
        return tables;
    }

    public Optional<Path> restoredFrom() {
        return restoredFrom;
    }

    /** Where Prometheus scrapes this job's Flink metrics. */
    public PrometheusEndpoint prometheus() {
        return prometheus;
    }

    /** Checkpoints completed so far in this run (from the cluster's REST API); 0 when it cannot be read. */
    public long completedCheckpoints() {
        return checkpointStatistics().path("counts").path("completed").asLong(0);
    }

    /**
     * How long this run's completed checkpoints took, barrier injection to the last acknowledgement (the Paimon
     * commits follow it): every layer hop waits for one. Empty when none completed or the REST API did not answer.
     */
    public Optional<CheckpointTimes> checkpointTimes() {
        com.fasterxml.jackson.databind.JsonNode stats = checkpointStatistics();
        com.fasterxml.jackson.databind.JsonNode duration = stats.path("summary").path("end_to_end_duration");
        long completed = stats.path("counts").path("completed").asLong(0);
        if (completed == 0 || duration.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new CheckpointTimes(completed, duration.path("p50").asDouble(),
                duration.path("p99").asDouble(), duration.path("max").asDouble()));
    }

    /** Completed checkpoints and their end-to-end durations in milliseconds. */
    public record CheckpointTimes(long completed, double p50Millis, double p99Millis, double maxMillis) {
    }

    private com.fasterxml.jackson.databind.JsonNode checkpointStatistics() {
        java.net.URI uri = session.flinkRestAddress().resolve("/jobs/" + job.getJobID() + "/checkpoints");
        try {
            java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Cancels the Flink job; its checkpoints stay for the next start. Does nothing the second time. */
    public void cancelJob() {
        try {
            job.cancel().get();
        } catch (Exception e) {
            // already finished, failed or cancelled: nothing left to cancel
        }
    }

    /** Cancels the job (its last checkpoint stays for the next start) and stops the embedded cluster. */
    @Override
    public void close() {
        try {
            cancelJob();
        } finally {
            session.close();
        }
    }
}
