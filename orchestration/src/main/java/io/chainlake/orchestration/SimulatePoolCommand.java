package io.chainlake.orchestration;

import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareLogWriter;
import io.chainlake.orchestration.kafka.KafkaCluster;
import io.chainlake.orchestration.kafka.PoolTopics;
import io.chainlake.orchestration.pool.PoolDimensions;
import io.chainlake.orchestration.pool.ShareSimulator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "simulate-pool",
        mixinStandardHelpOptions = true,
        description = {
            "Generate btcpool share traffic, deterministic per --seed: heavy-tailed worker hashrates (20-500 TH/s), "
                    + "vardiff aiming at a share every workers/rate seconds, Poisson arrivals, stale and reject codes, "
                    + "workers going offline and back, late and duplicate deliveries, blocks found when a share meets "
                    + "the network target, a few malformed messages.",
            "To a file (--out; JSON lines, or protobuf framed as btcpool's share-log files: a uint32 "
                    + "little-endian length before each message; timestamps from --start, default "
                    + "2024-01-01T00:00:00Z, as fast as it can) or to Kafka topic pool.share (key = worker id; "
                    + "protobuf after btcpool's 4-byte version prefix; timestamps from now, published in real "
                    + "time). Users and workers go to the MySQL dimensions unless --no-dims."})
final class SimulatePoolCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Option(names = "--users", defaultValue = "10", description = "Users (default 10).")
    int users;

    @Option(names = "--workers", defaultValue = "100", description = "Workers, dealt to users round-robin (default 100).")
    int workers;

    @Option(names = "--rate", paramLabel = "SHARES_PER_S", defaultValue = "20",
            description = "Shares per second the whole fleet aims at (default 20).")
    double rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "10m",
            description = "Simulated time: seconds, or with s, m, h, d (default 10m).")
    String duration;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write a share log here instead of Kafka.")
    Path out;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka cluster to publish to.")
    String bootstrapServers;

    @Option(names = "--format", paramLabel = "json|protobuf", defaultValue = "json",
            description = "Message encoding (default json).")
    String format;

    @Option(names = "--start", paramLabel = "TIME", description = "Timestamp of the first share, e.g. 2024-01-01T00:00:00Z.")
    Instant start;

    @Option(names = "--max-delay", paramLabel = "SECONDS", defaultValue = "60",
            description = "Late messages arrive up to this long after their timestamp (default 60).")
    long maxDelay;

    @Option(names = "--reject-rate", defaultValue = "0.01", description = "Share of rejected shares (default 0.01).")
    double rejectRate;

    @Option(names = "--stale-rate", defaultValue = "0.005", description = "Share of stale shares (default 0.005).")
    double staleRate;

    @Option(names = "--blkbits", paramLabel = "HEX", defaultValue = "17053894",
            description = "Network target (nBits) of the jobs (default 17053894: mainnet scale, blocks are rare; "
                    + "e.g. 193fffc0, difficulty 2^26, finds a few in a short run).")
    String blkbits;

    @Option(names = "--no-dims", description = "Do not write users and workers to MySQL.")
    boolean noDims;

    @Override
    public Integer call() throws Exception {
        if ((out == null) == (bootstrapServers == null)) {
            throw new IllegalArgumentException("give exactly one of --out FILE and --bootstrap-servers");
        }
        boolean toKafka = out == null;
        ShareSimulator.Options defaults = ShareSimulator.Options.defaults(users, workers, rate,
                DurationParser.seconds(duration), seed);
        ShareSimulator.Options options = new ShareSimulator.Options(users, workers, rate, defaults.durationSeconds(),
                seed, start != null ? start : toKafka ? Instant.ofEpochSecond(Instant.now().getEpochSecond())
                        : defaults.start(), ShareEncoding.fromCliName(format), Long.parseLong(blkbits, 16),
                rejectRate, staleRate, defaults.malformedRate(), defaults.duplicateRate(), defaults.lateRate(),
                maxDelay, defaults.offlinePerHour());
        ShareSimulator simulator = new ShareSimulator(options);
        if (!noDims) {
            PoolDimensions dims = new PoolDimensions(cli.config());
            try {
                int n = dims.write(simulator.fleet());
                System.err.printf("wrote %d workers of %d users to MySQL %s.mining_workers / users%n", n, users,
                        dims.database());
            } catch (IllegalStateException | java.sql.SQLException e) {
                System.err.println("no dimensions written (" + ErrorMessages.oneLine(e) + "); shares go on, "
                        + "names will be NULL");
            }
        }
        SimulationProgress progress = new SimulationProgress(options.start().getEpochSecond(),
                options.durationSeconds());
        ShareSimulator.Summary s;
        String target;
        if (toKafka) {
            String servers = KafkaCommand.bootstrapServers(bootstrapServers, cli);
            KafkaCluster.requireReachable(servers);
            try (Admin admin = KafkaCluster.admin(servers)) {
                KafkaCluster.createMissingTopics(admin, PoolTopics.all());
            }
            try (KafkaProducer<String, byte[]> producer = KafkaCluster.producer(servers)) {
                long wallStart = System.nanoTime();
                double simStart = options.start().getEpochSecond();
                s = simulator.run(m -> {
                    long due = wallStart + (long) ((m.emitTime() - simStart) * 1e9);
                    sleepUntil(due);
                    producer.send(PoolTopics.shareRecord(options.encoding(), m.workerId(), m.payload()));
                    progress.update(m.emitTime());
                });
                producer.flush();
            }
            target = PoolTopics.SHARE + " at " + servers;
        } else {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new IllegalArgumentException(out + ": directory " + parent + " does not exist");
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                ShareLogWriter writer = new ShareLogWriter(file, options.encoding());
                s = simulator.run(m -> {
                    try {
                        writer.writePayload(m.payload());
                    } catch (IOException e) {
                        throw new UncheckedIOException(out + ": " + e.getMessage(), e);
                    }
                    progress.update(m.emitTime());
                });
            }
            target = out.toString();
        }
        System.out.printf(Locale.ROOT, "wrote %d messages (%d shares: %d accepted, %d stale, %d rejected; %d blocks "
                        + "found; %d late, %d duplicates, %d malformed) from %d workers of %d users, fleet %.1f PH/s, "
                        + "to %s%n", s.messages(), s.shares(), s.accepted(), s.stale(), s.rejected(), s.blocksFound(),
                s.late(), s.duplicates(), s.malformed(), workers, users, s.fleetHashrate() / 1e15, target);
        return 0;
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** "90", "90s", "15m", "2h", "1d" as seconds. */
    static final class DurationParser {
        private DurationParser() {}

        static long seconds(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 0;
            };
            String number = unit == 0 ? t : t.substring(0, t.length() - 1);
            try {
                long value = Long.parseLong(number) * Math.max(1, unit);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw new IllegalArgumentException("--duration '" + text + "': give seconds above 0, or a number with "
                    + "s, m, h or d (e.g. 90, 15m, 2h)");
        }
    }

    /** One stderr line every two seconds of wall time: how far the simulated clock has got. */
    private static final class SimulationProgress {
        private final long start;
        private final long duration;
        private final long wallStart = System.nanoTime();
        private long lastPrint = wallStart;
        private long messages;

        SimulationProgress(long start, long duration) {
            this.start = start;
            this.duration = duration;
        }

        void update(double emitTime) {
            messages++;
            long now = System.nanoTime();
            if (now - lastPrint >= 2_000_000_000L) {
                lastPrint = now;
                double done = Math.min(1, (emitTime - start) / duration);
                System.err.printf(Locale.ROOT, "simulate-pool: %,d messages, %.0f%% of simulated time, %.0f msg/s%n",
                        messages, done * 100, messages / ((now - wallStart) / 1e9));
            }
        }
    }
}
