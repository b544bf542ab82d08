package io.chainlake.orchestration.pool;

import io.chainlake.dwd.pow.CompactBits;
import io.chainlake.dwd.pow.Difficulty;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareEvent;
import io.chainlake.ods.pool.ShareProtobufCodec;
import io.chainlake.ods.pool.ShareStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Simulated btcpool share traffic, deterministic per seed: the same options give the same messages byte for byte.
 * Each worker of the {@link PoolFleet} submits shares as a Poisson process at hashrate / (difficulty × 2^32) per
 * second while online; a worker disconnects now and then ({@code offlinePerHour}) for an exponential time (mean
 * ten minutes) and comes back on a new session. Each share is rejected ({@code rejectRate}, btcpool reject codes
 * weighted as pools see them), stale ({@code staleRate}: ACCEPT_STALE, 21 or 37, answering the previous job) or
 * accepted; its hash is uniform below its share target, so it reaches difficulty diff / U (U uniform in (0, 1]),
 * and when that meets the network difficulty of {@code networkBits} the share is SOLVED (SOLVED_STALE when stale)
 * and the height moves on. Jobs change every 30 s ({@code jobid} = job time << 32 | job number, as btcpool's).
 * Messages are emitted in the order the pool would publish them: late ones ({@code lateRate}) up to
 * {@code maxDelaySeconds} after their timestamp, exact redeliveries ({@code duplicateRate}) of the same bytes a few
 * seconds later, and now and then a malformed message ({@code malformedRate}) beside the real shares.
 */
public final class ShareSimulator {

    /** A mainnet-scale network target: difficulty about 5.4e13, so blocks are as rare as on mainnet. */
    public static final long MAINNET_SCALE_BITS = 0x17053894L;
    static final int JOB_SECONDS = 30;
    static final double MEAN_OFFLINE_SECONDS = 600;
    static final int START_HEIGHT = 840000;
    private static final BigInteger DIFF_1_TARGET = new CompactBits(0x1d00ffffL).target();
    private static final int[] REJECT_CODES = {ShareStatus.LOW_DIFFICULTY, ShareStatus.DUPLICATE_SHARE,
        ShareStatus.JOB_NOT_FOUND, ShareStatus.TIME_TOO_OLD, ShareStatus.TIME_TOO_NEW, ShareStatus.ILLEGAL_VERMASK,
        ShareStatus.WRONG_NONCE_PREFIX, ShareStatus.REJECT_NO_REASON};
    private static final double[] REJECT_WEIGHTS = {0.40, 0.20, 0.10, 0.10, 0.05, 0.05, 0.05, 0.05};
    private static final int[] STALE_CODES = {ShareStatus.ACCEPT_STALE, ShareStatus.JOB_NOT_FOUND_OR_STALE,
        ShareStatus.STALE_SHARE};
    private static final double[] STALE_WEIGHTS = {0.5, 0.3, 0.2};

    /** What to simulate; see the class comment for the rates. */
    public record Options(
            int users,
            int workers,
            double sharesPerSecond,
            long durationSeconds,
            long seed,
            Instant start,
            ShareEncoding encoding,
            long networkBits,
            double rejectRate,
            double staleRate,
            double malformedRate,
            double duplicateRate,
            double lateRate,
            long maxDelaySeconds,
            double offlinePerHour) {

        public static Options defaults(int users, int workers, double rate, long durationSeconds, long seed) {
            return new Options(users, workers, rate, durationSeconds, seed, Instant.parse("2024-01-01T00:00:00Z"),
                    ShareEncoding.JSON, MAINNET_SCALE_BITS, 0.01, 0.005, 0.001, 0.002, 0.01, 60, 0.5);
        }

        public Options with(ShareEncoding newEncoding, Instant newStart) {
            return new Options(users, workers, sharesPerSecond, durationSeconds, seed, newStart, newEncoding,
                    networkBits, rejectRate, staleRate, malformedRate, duplicateRate, lateRate, maxDelaySeconds,
                    offlinePerHour);
        }
    }

    /** One message to publish: when (unix seconds, fractional), the worker it keys on, and its bytes. */
    public record Message(double emitTime, long workerId, byte[] payload) {}

    /** What was generated, counted as btcpool's statistics count (distinct shares, malformed ones apart). */
    public record Summary(
            long messages,
            long shares,
            long accepted,
            long stale,
            long rejected,
            long blocksFound,
            long malformed,
            long duplicates,
            long late,
            double fleetHashrate,
            double onlineHashrate) {}

    private final Options options;
    private final List<FleetWorker> fleet;
    private final SplittableRandom random;

    public ShareSimulator(Options options) {
        this.options = options;
        SplittableRandom root = new SplittableRandom(options.seed());
        this.fleet = PoolFleet.generate(options.users(), options.workers(), options.sharesPerSecond(), root.split());
        this.random = root.split();
        if (options.durationSeconds() <= 0) {
            throw new IllegalArgumentException("--duration must be above 0 seconds");
        }
    }

    public List<FleetWorker> fleet() {
        return fleet;
    }

    public Summary run(Consumer<Message> sink) {
        int n = fleet.size();
        double duration = options.durationSeconds();
        long startEpoch = options.start().getEpochSecond();
        double networkDiff = Difficulty.ofBits(options.networkBits());
        double[] next = new double[n];
        long[] session = new long[n];
        double[] offlineSeconds = new double[n];
        PriorityQueue<Integer> arrivals = new PriorityQueue<>((a, b) -> next[a] != next[b]
                ? Double.compare(next[a], next[b]) : Integer.compare(a, b));
        for (int i = 0; i < n; i++) {
            next[i] = exponential(1 / fleet.get(i).shareRate());
            session[i] = random.nextLong() & 0xffffffffL;
            arrivals.add(i);
        }
        Outbox out = new Outbox(sink);
        long[] counts = new long[8]; // shares, accepted, stale, rejected, blocks, malformed, duplicates, late
        int height = START_HEIGHT;
        double offlineChancePerSecond = options.offlinePerHour() / 3600.0;
        while (!arrivals.isEmpty()) {
            int i = arrivals.poll();
            double t = next[i];
            if (t >= duration) {
                continue;
            }
            FleetWorker w = fleet.get(i);
            double shareRate = w.shareRate();
            if (random.nextDouble() < offlineChancePerSecond / shareRate) {
                double off = exponential(MEAN_OFFLINE_SECONDS);
                offlineSeconds[i] += Math.min(off, duration - t);
                session[i] = random.nextLong() & 0xffffffffL;
                next[i] = t + off + exponential(1 / shareRate);
                arrivals.add(i);
                continue;
            }
            long job = (long) (t / JOB_SECONDS);
            int status;
            double u = random.nextDouble();
            if (u < options.rejectRate()) {
                status = pick(REJECT_CODES, REJECT_WEIGHTS);
            } else if (u < options.rejectRate() + options.staleRate()) {
                status = pick(STALE_CODES, STALE_WEIGHTS);
                job = Math.max(0, job - 1);
            } else {
                status = ShareStatus.ACCEPT;
            }
            double reached = w.shareDiff() / (1.0 - random.nextDouble());
            if (reached >= networkDiff && (status == ShareStatus.ACCEPT || status == ShareStatus.ACCEPT_STALE)) {
                status = status == ShareStatus.ACCEPT ? ShareStatus.SOLVED : ShareStatus.SOLVED_STALE;
            }
            long timestamp = startEpoch + (long) t;
            long jobTime = startEpoch + job * JOB_SECONDS;
            ShareEvent share = new ShareEvent(ShareProtobufCodec.BTCPOOL_VERSION, w.workerId(), w.puid(), status,
                    timestamp, w.ip(), (jobTime << 32) | (job & 0xffffffffL), w.shareDiff(), options.networkBits(),
                    height, random.nextLong() & 0xffffffffL, session[i], random.nextInt() & 0x1fffe000,
                    null, bitsOf(reached));
            if (ShareStatus.isSolved(status)) {
                height++;
                counts[4]++;
            }
            counts[0]++;
            counts[ShareStatus.isAccepted(status) ? 1 : ShareStatus.isStale(status) ? 2 : 3]++;
            byte[] payload = options.encoding().encode(share);
            double emit = startEpoch + t;
            if (random.nextDouble() < options.lateRate()) {
                emit += random.nextDouble() * options.maxDelaySeconds();
                counts[7]++;
            }
            out.add(new Message(emit, w.workerId(), payload));
            if (random.nextDouble() < options.duplicateRate()) {
                out.add(new Message(emit + 5 * random.nextDouble(), w.workerId(), payload));
                counts[6]++;
            }
            if (random.nextDouble() < options.malformedRate()) {
                out.add(new Message(emit, w.workerId(), malformed(share, payload)));
                counts[5]++;
            }
            out.flushUntil(startEpoch + t);
            next[i] = t + exponential(1 / shareRate);
            arrivals.add(i);
        }
        out.flushUntil(Double.POSITIVE_INFINITY);
        double fleetHashrate = 0;
        double online = 0;
        for (int i = 0; i < n; i++) {
            fleetHashrate += fleet.get(i).hashrate();
            online += fleet.get(i).hashrate() * (duration - offlineSeconds[i]) / duration;
        }
        return new Summary(out.emitted, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                counts[7], fleetHashrate, online);
    }

    /**
     * A message the pool's consumers must refuse: cut short, a field of the wrong type (an array: decimal text is an
     * integer in protobuf's JSON mapping), zero difficulty, junk.
     */
    private byte[] malformed(ShareEvent share, byte[] payload) {
        boolean json = options.encoding() == ShareEncoding.JSON;
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(payload, payload.length / 2);
            case 1 -> json
                    ? new String(payload, StandardCharsets.UTF_8)
                            .replace("\"sharediff\":" + share.shareDiff(), "\"sharediff\":[" + share.shareDiff() + "]")
                            .getBytes(StandardCharsets.UTF_8)
                    : concat(payload, new byte[] {0x42, 0x01, 0x31}); // field 8 (sharediff) as a 1-byte string
            case 2 -> options.encoding().encode(new ShareEvent(share.version(), share.workerHashId(), share.userId(),
                    share.status(), share.timestamp(), share.ip(), share.jobId(), 0, share.blkBits(), share.height(),
                    share.nonce(), share.sessionId(), share.versionMask(), share.extUserId(), share.bitsReached()));
            default -> json ? "share?".getBytes(StandardCharsets.UTF_8) : new byte[] {(byte) 0xff, (byte) 0xff, 0x07};
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static long bitsOf(double difficulty) {
        BigInteger target = new BigDecimal(DIFF_1_TARGET)
                .divide(new BigDecimal(difficulty), MathContext.DECIMAL64).toBigInteger();
        return CompactBits.of(target).value();
    }

    private int pick(int[] codes, double[] weights) {
        double u = random.nextDouble();
        for (int k = 0; k < codes.length - 1; k++) {
            u -= weights[k];
            if (u < 0) {
                return codes[k];
            }
        }
        return codes[codes.length - 1];
    }

    private double exponential(double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    /** Messages waiting for their publish time, released in time order (ties: the order they were made). */
    private static final class Outbox {
        private record Pending(Message message, long seq) {}

        private final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) ->
                a.message.emitTime() != b.message.emitTime()
                        ? Double.compare(a.message.emitTime(), b.message.emitTime()) : Long.compare(a.seq, b.seq));
        private final Consumer<Message> sink;
        private long seq;
        private long emitted;

        Outbox(Consumer<Message> sink) {
            this.sink = sink;
        }

        void add(Message m) {
            pending.add(new Pending(m, seq++));
        }

        void flushUntil(double time) {
            while (!pending.isEmpty() && pending.peek().message.emitTime() <= time) {
                sink.accept(pending.poll().message);
                emitted++;
            }
        }
    }
}
