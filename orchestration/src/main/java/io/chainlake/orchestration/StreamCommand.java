package io.chainlake.orchestration;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.dwd.chain.ChainIndexer;
import io.chainlake.orchestration.kafka.KafkaCluster;
import io.chainlake.orchestration.stream.CheckpointStore;
import io.chainlake.orchestration.stream.IdleWatch;
import io.chainlake.orchestration.stream.StateBackend;
import io.chainlake.orchestration.stream.StreamDomain;
import io.chainlake.orchestration.stream.StreamLock;
import io.chainlake.orchestration.stream.StreamProgress;
import io.chainlake.orchestration.stream.StreamQuality;
import io.chainlake.orchestration.stream.StreamRejects;
import io.chainlake.orchestration.stream.StreamingPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {
            "Run the pipelines continuously: Kafka topics btc.block and btc.mempool_tx (chain) and pool.share (pool) "
                    + "-> ods -> dwd -> dws -> ads in Flink streaming mode, from the same table and job SQL files as "
                    + "'build'.",
            "One Flink job; checkpoints (Kafka offsets + Paimon commits, exactly once) go to --checkpoints, and a "
                    + "restart resumes from the newest one. Without --until-idle it runs until interrupted.",
            "Kafka: --bootstrap-servers, else kafka.bootstrap-servers when configured, else the broker of a running "
                    + "'kafka start', else 127.0.0.1:9092."})
final class StreamCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka cluster to read.")
    String bootstrapServers;

    @Option(names = "--until-idle", paramLabel = "SECONDS",
            description = "Stop cleanly once every published record has been consumed and no table has changed for "
                    + "this long (at least the orphan hold of " + ChainIndexer.HOLD_MILLIS / 1000 + " s plus two "
                    + "checkpoints, so held blocks and the last hop are in).")
    Double untilIdle;

    @Option(names = "--checkpoint-interval", paramLabel = "MS", defaultValue = "1000",
            description = "Checkpoint interval in milliseconds (default 1000): each layer sees the one below one "
                    + "checkpoint later, so this bounds the latency.")
    long checkpointIntervalMs;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Checkpoint folder (default ./work/checkpoints/<warehouse>-<hash>).")
    Path checkpointDir;

    @Option(names = "--quality-every", paramLabel = "SECONDS", defaultValue = "300",
            description = "New blocks or shares start a round of the data-quality checks over what arrived since the "
                    + "last round, at most this often (results in dq.check_result with the block range or days "
                    + "checked, failures to the alert webhook); 0 turns them off (default 300).")
    long qualityEverySeconds;

    @Option(names = "--only", paramLabel = "chain|pool", split = ",",
            description = "Run only these pipelines (default both): chain = btc.block and btc.mempool_tx into the "
                    + "btc_* tables, pool = pool.share into the pool_* tables.")
    List<String> only = List.of("chain", "pool");

    /** The stream's own default; the config key parallelism (the cores) sizes batch builds. */
    static final String DEFAULT_PARALLELISM = "1";

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = DEFAULT_PARALLELISM,
            description = "Flink parallelism of the stream (default 1; the config key parallelism does not apply "
                    + "here). Any value is correct: each sink gets all changes of one primary key from one keyed "
                    + "operator, in order, so a reorg's retraction and its replacement cannot pass each other.")
    int parallelism;

    @Option(names = "--state-backend", paramLabel = "hashmap|rocksdb", defaultValue = "hashmap",
            description = "Where the stream keeps its state (default hashmap: on the JVM heap, fastest, each "
                    + "checkpoint copies all of it). rocksdb: on local disk beside the checkpoints, not bounded by "
                    + "the heap, incremental checkpoints; for a stream that runs for weeks. Checkpoints of one cannot "
                    + "be restored by the other (--fresh starts over).")
    String stateBackend;

    @Option(names = "--fresh", description = "Ignore existing checkpoints: start from the earliest Kafka offsets "
            + "(ODS absorbs what it already holds).")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        StateBackend backend = StateBackend.fromCliName(stateBackend);
        ChainlakeConfig base = cli.config();
        try (WarehouseSession session = WarehouseSession.batch(base)) {
            session.createTables(Layer.ODS);
            WarehouseNetwork.requireConfigured(session); // before Kafka: a mislabelled stream is refused either way
        }
        String servers = KafkaCommand.bootstrapServers(bootstrapServers, cli);
        CheckpointStore checkpoints = checkpointDir != null ? new CheckpointStore(checkpointDir)
                : CheckpointStore.forWarehouse(Path.of("work"), base.warehouse());
        // one consumer group per warehouse: its committed offsets say how far this warehouse's stream is
        ChainlakeConfig config = base.with(ChainlakeConfig.KAFKA_BOOTSTRAP_SERVERS, servers)
                .with(ChainlakeConfig.KAFKA_GROUP_ID, "chainlake-stream-" + checkpoints.dir().getFileName())
                .with(ChainlakeConfig.PARALLELISM, String.valueOf(parallelism));
        KafkaCluster.requireReachable(servers);
        Duration interval = Duration.ofMillis(checkpointIntervalMs);
        Duration idle = untilIdle == null ? null : Duration.ofMillis(Math.max(Math.round(untilIdle * 1000),
                ChainIndexer.HOLD_MILLIS + 2 * checkpointIntervalMs));
        Set<StreamDomain> domains = only.stream().map(StreamDomain::fromCliName)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StreamDomain.class)));
        try (AutoCloseable warehouseLock = StreamLock.onWarehouse(config.warehouse());
                AutoCloseable checkpointsLock = checkpoints.lockForStream();
                Admin admin = KafkaCluster.admin(servers)) {
            KafkaCluster.createMissingTopics(admin, domains.stream().flatMap(d -> d.topics().stream()).toList());
            System.err.println("stream: warehouse " + config.warehouse() + ", Kafka " + servers + ", checkpoints "
                    + checkpoints.dir());
            try (StreamingPipeline pipeline = StreamingPipeline.start(config,
                    new StreamingPipeline.Options(interval, checkpoints, !fresh, domains,
                            backend), System.err::println)) {
                pipeline.restoredFrom().ifPresent(chk -> System.err.println("stream: resumed from " + chk));
                System.err.println("stream: Flink web UI and REST API at " + pipeline.session().flinkRestAddress());
                System.err.println("stream: Prometheus metrics at " + pipeline.prometheus().address()
                        + (pipeline.prometheus().configuredPortTaken()
                                ? " (" + ChainlakeConfig.METRICS_PROMETHEUS_PORT + " "
                                        + config.get(ChainlakeConfig.METRICS_PROMETHEUS_PORT) + " is taken)" : ""));
                StreamProgress progress = new StreamProgress(admin,
                        config.get(ChainlakeConfig.KAFKA_GROUP_ID),
                        domains.stream().flatMap(d -> d.topicNames().stream()).toList(),
                        pipeline.session().paimonCatalog(), pipeline.tables());
                StreamRejects rejects = new StreamRejects(pipeline.session().paimonCatalog(), pipeline.tables());
                try (StreamQuality quality = new StreamQuality(base, Duration.ofSeconds(qualityEverySeconds),
                        System.err::println)) {
                    new IdleWatch(pipeline, progress, System.err::println).await(idle, commits -> {
                        rejects.poll().forEach(System.err::println);
                        quality.maybeRun(commits);
                    });
                    // stopped: end the job before waiting for a quality round, which would share the cores with it
                    pipeline.cancelJob();
                }
            }
        }
        return 0;
    }
}
