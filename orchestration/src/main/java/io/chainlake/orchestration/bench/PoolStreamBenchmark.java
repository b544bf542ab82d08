package io.chainlake.orchestration.bench;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.ods.pool.ShareDecodeException;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.orchestration.kafka.EmbeddedKafkaBroker;
import io.chainlake.orchestration.kafka.KafkaCluster;
import io.chainlake.orchestration.kafka.PoolTopics;
import io.chainlake.orchestration.pool.ShareSimulator;
import io.chainlake.orchestration.pool.ShareSimulator.Message;
import io.chainlake.orchestration.stream.CheckpointStore;
import io.chainlake.orchestration.stream.IdleWatch;
import io.chainlake.orchestration.stream.StreamDomain;
import io.chainlake.orchestration.stream.StreamProgress;
import io.chainlake.orchestration.stream.StreamingPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.table.Table;

/**
 * The streaming part of {@code ./chainlake bench pool --streaming} (issue #5 §5): simulated shares through an
 * in-process Kafka broker and the pool half of the {@link StreamingPipeline} (Kafka → ODS → DWD → DWS → ADS), on a
 * warehouse of its own.
 *
 * <ol>
 *   <li>Throughput: with the job running on an empty topic, publish the whole share log at once and stream it until
 *       idle; shares/s over the time from the first publish to the last table commit.
 *   <li>Baseline, same run: a plain Kafka consumer reads the same topic from the start, decodes every message and
 *       counts it — what any consumer of {@code pool.share} must at least do.
 *   <li>Latency: more shares, timestamped at the wall clock, published at a steady rate; for about one probe share a
 *       second, the time from its publish until its worker's {@code ads.pool_worker_realtime.last_share_time}
 *       reaches the probe's timestamp.
 * </ol>
 */
public final class PoolStreamBenchmark {

    /** How long a probe share may take to reach its realtime row before it counts as unseen. */
    static final Duration LATENCY_WAIT = Duration.ofSeconds(120);

    private static final long POLL_MILLIS = 100;
    private static final String GROUP_ID = "chainlake-bench-pool";

    /** What one run measured. */
    public record Result(
            Duration checkpointInterval,
            double deploySeconds,
            long messages,
            double publishSeconds,
            double streamSeconds,
            long dwdShares,
            long baselineDecoded,
            double baselineSeconds,
            double streamJitSeconds,
            double latencyRate,
            int probes,
            List<Double> latencyMillis,
            int unseenProbes) {

        double streamRate() {
            return messages / streamSeconds;
        }

        double baselineRate() {
            return messages / baselineSeconds;
        }

        /** Figures as lines for the console and the benchmarks page. */
        public String figures() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "stream deploy      %.1f s (pool jobs only, checkpoint interval %d ms)%n",
                    deploySeconds, checkpointInterval.toMillis()));
            s.append(String.format(Locale.ROOT, "stream publish     %,d messages to %s in %.1f s (%,.0f messages/s)%n",
                    messages, PoolTopics.SHARE, publishSeconds, messages / publishSeconds));
            s.append(String.format(Locale.ROOT, "stream → ADS       %,.0f messages/s (%.1f s from first publish to last "
                    + "commit; dwd.pool_share %,d rows)%n", streamRate(), streamSeconds, dwdShares));
            if (!Double.isNaN(streamJitSeconds)) {
                s.append(String.format(Locale.ROOT, "JIT compiling      %.0f CPU-s of the compiler threads while it "
                        + "streamed (a young JVM compiles Flink's generated code as it runs)%n", streamJitSeconds));
            }
            s.append(String.format(Locale.ROOT, "consume-and-count  %,.0f messages/s (%,d decoded in %.2f s)%n",
                    baselineRate(), baselineDecoded, baselineSeconds));
            s.append(String.format(Locale.ROOT, "ratio              stream %.2f %% of consume-and-count%n",
                    100 * streamRate() / baselineRate()));
            if (latencyMillis.isEmpty()) {
                s.append(String.format(Locale.ROOT, "share → realtime   no probe reached its realtime row within %d s "
                        + "(%d probes)%n", LATENCY_WAIT.toSeconds(), probes));
            } else {
                Latencies l = new Latencies(latencyMillis);
                s.append(String.format(Locale.ROOT, "share → realtime   p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms over %d "
                                + "probes at %,.0f shares/s (%d unseen within %d s)%n", l.p50(), l.p99(), l.max(),
                        l.count(), latencyRate, unseenProbes, LATENCY_WAIT.toSeconds()));
            }
            return s.toString();
        }
    }

    private final ChainlakeConfig config;
    private final Path dir;
    private final Duration checkpointInterval;
    private final Consumer<String> messages;

    /**
     * @param config the bench's configuration; its warehouse is replaced by one under {@code dir}
     * @param dir    folder for the broker's log, the checkpoints and the streamed warehouse
     */
    public PoolStreamBenchmark(ChainlakeConfig config, Path dir, Duration checkpointInterval,
            Consumer<String> messages) {
        this.config = config.with(ChainlakeConfig.WAREHOUSE, dir.resolve("warehouse").toString());
        this.dir = dir;
        this.checkpointInterval = checkpointInterval;
        this.messages = messages;
    }

    /**
     * Streams {@code backlog} (holding {@code distinctShares} shares), then shares of the same users and workers at
     * the latency options' rate for their duration.
     *
     * @param latency the simulator options of the latency part (its start is replaced by the wall clock)
     */
    public Result run(List<Message> backlog, long distinctShares, ShareEncoding encoding,
            ShareSimulator.Options latency) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(PoolTopics.all());
            ChainlakeConfig streamConfig = config
                    .with(ChainlakeConfig.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .with(ChainlakeConfig.KAFKA_GROUP_ID, GROUP_ID)
                    .with(ChainlakeConfig.POOL_SHARE_ENCODING, encoding.cliName());
            StreamingPipeline.Options options = new StreamingPipeline.Options(checkpointInterval,
                    new CheckpointStore(dir.resolve("checkpoints")), false, EnumSet.of(StreamDomain.POOL));
            messages.accept("bench pool: starting the streaming job (checkpoint interval "
                    + checkpointInterval.toMillis() + " ms)");
            long t0 = System.nanoTime();
            try (StreamingPipeline pipeline = StreamingPipeline.start(streamConfig, options, messages);
                    Admin admin = KafkaCluster.admin(broker.bootstrapServers());
                    KafkaProducer<String, byte[]> producer = KafkaCluster.producer(broker.bootstrapServers())) {
                StreamBenchmark.awaitFirstCheckpoint(pipeline);
                double deploySeconds = (System.nanoTime() - t0) / 1e9;
                Catalog catalog = pipeline.session().paimonCatalog();
                StreamProgress progress = new StreamProgress(admin, GROUP_ID, List.of(PoolTopics.SHARE), catalog,
                        pipeline.tables());
                TableWatch<Long> poolShares = TableWatch.of(catalog, "dwd.pool_share",
                        PoolStreamBenchmark::poolShareRows);

                double jitBefore = Machine.jitCpuSeconds();
                long firstPublish = System.nanoTime();
                backlog.forEach(m -> producer.send(PoolTopics.shareRecord(encoding, m.workerId(), m.payload())));
                producer.flush();
                double publishSeconds = (System.nanoTime() - firstPublish) / 1e9;
                messages.accept(String.format(Locale.ROOT, "bench pool: published %,d messages in %.1f s; streaming",
                        backlog.size(), publishSeconds));
                // idle alone can be declared in a pause between two layers' commits: every distinct share in DWD
                // is the end too
                long allShares = awaitShares(poolShares, pipeline, distinctShares);
                IdleWatch.Idle idle = new IdleWatch(pipeline, progress, messages)
                        .await(IdleWatch.minimumQuiet(0, checkpointInterval), c -> { });
                double streamSeconds = (Math.max(allShares, idle.lastChangeNanos()) - firstPublish) / 1e9;
                double streamJitSeconds = Machine.jitCpuSeconds() - jitBefore;
                long dwdShares = poolShares.current();
                messages.accept(String.format(Locale.ROOT, "bench pool: streamed %,.0f messages/s; now the "
                        + "consume-and-count baseline", backlog.size() / streamSeconds));

                long b0 = System.nanoTime();
                long decoded = consumeAndCount(broker.bootstrapServers(), encoding, backlog.size());
                double baselineSeconds = (System.nanoTime() - b0) / 1e9;

                messages.accept(String.format(Locale.ROOT, "bench pool: latency: %,.0f shares/s for %d s",
                        latency.sharesPerSecond(), latency.durationSeconds()));
                List<Double> latencies = new ArrayList<>();
                int[] probeCounts = measureLatency(producer,
                        TableWatch.of(catalog, "ads.pool_worker_realtime", PoolStreamBenchmark::realtimeLastShare),
                        latency, latencies);
                return new Result(checkpointInterval, deploySeconds, backlog.size(), publishSeconds, streamSeconds,
                        dwdShares, decoded, baselineSeconds, streamJitSeconds, latency.sharesPerSecond(),
                        probeCounts[0], latencies, probeCounts[1]);
            }
        }
    }

    private record Probe(long workerId, long shareMillis, long publishedNanos) {}

    /**
     * Publishes the latency shares paced at their simulated times (which start now), taking the first share of
     * every wall-clock second as a probe, and polls the realtime table for the probes' workers meanwhile. Returns
     * {probes, unseen}.
     */
    private int[] measureLatency(KafkaProducer<String, byte[]> producer, TableWatch<Map<Long, Long>> realtime,
            ShareSimulator.Options latency, List<Double> latencies) throws Exception {
        long startSecond = System.currentTimeMillis() / 1000 + 1;
        ShareSimulator simulator = new ShareSimulator(latency.with(latency.encoding(),
                java.time.Instant.ofEpochSecond(startSecond)));
        ConcurrentLinkedQueue<Probe> published = new ConcurrentLinkedQueue<>();
        ExecutorService publisher = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-pool-publisher"));
        Future<?> publishing = publisher.submit(() -> {
            long[] lastProbeSecond = {-1};
            simulator.run(m -> {
                long dueMillis = Math.round(m.emitTime() * 1000);
                long wait = dueMillis - System.currentTimeMillis();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                producer.send(PoolTopics.shareRecord(latency.encoding(), m.workerId(), m.payload()));
                long second = (long) m.emitTime();
                if (second != lastProbeSecond[0]) {
                    lastProbeSecond[0] = second;
                    producer.flush(); // the probe is on the broker now: its latency starts here
                    published.add(new Probe(m.workerId(), second * 1000, System.nanoTime()));
                }
            });
            producer.flush();
            return null;
        });
        List<Probe> pending = new ArrayList<>();
        int probes = 0;
        int unseen = 0;
        try {
            while (!publishing.isDone() || !pending.isEmpty() || !published.isEmpty()) {
                for (Probe p; (p = published.poll()) != null; ) {
                    pending.add(p);
                    probes++;
                }
                Map<Long, Long> lastShare = realtime.current();
                long now = System.nanoTime();
                for (var it = pending.iterator(); it.hasNext(); ) {
                    Probe p = it.next();
                    Long seen = lastShare.get(p.workerId());
                    if (seen != null && seen >= p.shareMillis()) {
                        latencies.add((now - p.publishedNanos()) / 1e6);
                        it.remove();
                    } else if (now - p.publishedNanos() > LATENCY_WAIT.toNanos()) {
                        unseen++;
                        it.remove();
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
            publishing.get(); // a publish failure surfaces here
        } finally {
            publisher.shutdownNow();
        }
        return new int[] {probes, unseen};
    }

    /** Reads {@link PoolTopics#SHARE} from the start with a fresh consumer, decoding every message; decoded count. */
    private static long consumeAndCount(String bootstrapServers, ShareEncoding encoding, long expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID + "-baseline");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long read = 0;
        long decoded = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(PoolTopics.SHARE));
            while (read < expected) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    try {
                        encoding.decode(r.value());
                        decoded++;
                    } catch (ShareDecodeException e) {
                        // malformed on purpose; the stream rejects it too
                    }
                }
            }
        }
        return decoded;
    }

    /** {@code ads.pool_worker_realtime}: worker_id → last_share_time (epoch millis). */
    private static Map<Long, Long> realtimeLastShare(Table realtime) {
        Map<Long, Long> rows = new HashMap<>();
        TableWatch.readColumns(realtime, List.of("worker_id", "last_share_time"), r -> {
            if (!r.isNullAt(1)) {
                rows.merge(r.getLong(0), r.getTimestamp(1, 3).getMillisecond(), Math::max);
            }
        });
        return rows;
    }

    /** Waits until {@code dwd.pool_share} holds {@code shares} rows; its nanoTime. */
    private static long awaitShares(TableWatch<Long> poolShareRows, StreamingPipeline pipeline, long shares)
            throws Exception {
        while (poolShareRows.current() < shares) {
            if (pipeline.job().getJobStatus().get().isGloballyTerminalState()) {
                pipeline.job().getJobExecutionResult().get(); // throws the job's failure
                throw new IllegalStateException("the streaming job ended before all " + shares
                        + " shares reached dwd.pool_share");
            }
            Thread.sleep(POLL_MILLIS);
        }
        return System.nanoTime();
    }

    /** Rows of {@code dwd.pool_share}: one per distinct share, whatever was redelivered. */
    private static long poolShareRows(Table poolShare) {
        long[] n = {0};
        TableWatch.readColumns(poolShare, List.of("worker_id"), r -> n[0]++);
        return n[0];
    }
}
