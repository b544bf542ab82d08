package io.chainlake.dws.pool;

import io.chainlake.catalog.WarehouseSession;
import io.chainlake.ods.pool.ShareEvent;
import io.chainlake.ods.pool.ShareJsonCodec;
import io.chainlake.ods.pool.ShareProtobufCodec;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A hand-made set of dwd.pool_share rows (two users, three workers, two hours of 2024-04-20 UTC, accepted, stale,
 * every kind of reject, a found block, a late share) and btcpool's formulas (data/README.md, "Mining-pool share
 * events") evaluated over them in plain Java, so tests compare the warehouse with figures it did not compute.
 */
public final class HandMadeShares {

    /** btcpool StratumStatus codes (data/README.md). */
    public static final int ACCEPT = 1798084231;
    public static final int ACCEPT_STALE = 950395421;
    public static final int SOLVED = 1422486894;
    public static final int SOLVED_STALE = 1713984938;

    /** nBits 0x1b0404cb: the Bitcoin wiki's worked example, difficulty 0xffff * 2^16 / 0x0404cb = 16307.42... */
    public static final long BITS = 0x1b0404cbL;
    public static final double NETWORK_DIFF = 65535.0 * 65536 / 0x0404cb;
    /** Block subsidy before and after the fourth halving (height 840000, 2024-04-20): 6.25 and 3.125 BTC. */
    public static final int HEIGHT_BEFORE_HALVING = 839_999;
    public static final int HEIGHT_AFTER_HALVING = 840_000;
    public static final long SUBSIDY_BEFORE_HALVING = 625_000_000L;
    public static final long SUBSIDY_AFTER_HALVING = 312_500_000L;

    public static final String SOURCE = "shares-2024-04-20.jsonl";
    /** Every share's stratum session, version mask and extuserid. */
    private static final long SESSION_ID = 7;
    private static final long VERSION_MASK = 0;
    private static final int EXT_USER_ID = 0;
    public static final long LATE_SHARE_OFFSET = 14;

    /** How btcpool counts a status: accepted, stale (accepted-stale or rejected-stale) or rejected. */
    public enum Kind { ACCEPTED, STALE, REJECTED }

    public record Share(long offset, String time, int userId, long workerId, int status, String statusName,
            Kind kind, long shareDiff, int height, String ip) {

        public LocalDateTime shareTime() {
            return LocalDateTime.parse(time);
        }

        public long jobId() {
            return 100 + offset;
        }

        public long nonce() {
            return 1000 + offset;
        }

        public long subsidy() {
            return height >= 840_000 ? SUBSIDY_AFTER_HALVING : SUBSIDY_BEFORE_HALVING;
        }

        /** btcpool ShareBitcoin::score(): share_diff / network difficulty, at most 1; 0 unless accepted. */
        public double score() {
            return kind == Kind.ACCEPTED ? Math.min(1.0, shareDiff / NETWORK_DIFF) : 0.0;
        }
    }

    public static final int USER_1 = 1;
    public static final int USER_2 = 2;
    public static final long WORKER_11 = 1001;
    public static final long WORKER_12 = 1002;
    public static final long WORKER_21 = 2001;

    /** In source order (offset 1, 2, ...); offset 14 is 19 minutes older than offset 13, read before it: late. */
    public static final List<Share> SHARES = List.of(
            new Share(1, "2024-04-20T00:00:10", USER_1, WORKER_11, ACCEPT, "ACCEPT", Kind.ACCEPTED, 8192,
                    HEIGHT_BEFORE_HALVING, "10.0.0.11"),
            new Share(2, "2024-04-20T00:00:40", USER_1, WORKER_11, ACCEPT, "ACCEPT", Kind.ACCEPTED, 16384,
                    HEIGHT_BEFORE_HALVING, "10.0.0.11"),
            new Share(3, "2024-04-20T00:01:05", USER_1, WORKER_11, ACCEPT_STALE, "ACCEPT_STALE", Kind.STALE, 8192,
                    HEIGHT_BEFORE_HALVING, "10.0.0.11"),
            new Share(4, "2024-04-20T00:01:30", USER_1, WORKER_11, 21, "JOB_NOT_FOUND_OR_STALE", Kind.STALE, 8192,
                    HEIGHT_BEFORE_HALVING, "10.0.0.11"),
            new Share(5, "2024-04-20T00:02:00", USER_1, WORKER_11, 22, "DUPLICATE_SHARE", Kind.REJECTED, 8192,
                    HEIGHT_BEFORE_HALVING, "10.0.0.11"),
            new Share(6, "2024-04-20T00:02:10", USER_1, WORKER_12, 23, "LOW_DIFFICULTY", Kind.REJECTED, 4096,
                    HEIGHT_BEFORE_HALVING, "10.0.0.12"),
            new Share(7, "2024-04-20T00:03:00", USER_1, WORKER_12, ACCEPT, "ACCEPT", Kind.ACCEPTED, 32768,
                    HEIGHT_BEFORE_HALVING, "10.0.0.12"),
            new Share(8, "2024-04-20T00:30:00", USER_1, WORKER_12, SOLVED, "SOLVED", Kind.ACCEPTED, 32768,
                    HEIGHT_AFTER_HALVING, "10.0.0.12"),
            new Share(9, "2024-04-20T00:40:00", USER_2, WORKER_21, ACCEPT, "ACCEPT", Kind.ACCEPTED, 16384,
                    HEIGHT_AFTER_HALVING, "10.0.0.21"),
            new Share(10, "2024-04-20T00:41:00", USER_2, WORKER_21, 37, "STALE_SHARE", Kind.STALE, 16384,
                    HEIGHT_AFTER_HALVING, "10.0.0.21"),
            new Share(11, "2024-04-20T00:42:00", USER_2, WORKER_21, 24, "UNAUTHORIZED", Kind.REJECTED, 4096,
                    HEIGHT_AFTER_HALVING, "10.0.0.21"),
            new Share(12, "2024-04-20T01:05:00", USER_2, WORKER_21, ACCEPT, "ACCEPT", Kind.ACCEPTED, 8192,
                    HEIGHT_AFTER_HALVING, "10.0.0.21"),
            new Share(13, "2024-04-20T01:09:00", USER_1, WORKER_11, ACCEPT, "ACCEPT", Kind.ACCEPTED, 16384,
                    HEIGHT_AFTER_HALVING, "10.0.0.99"),
            new Share(14, "2024-04-20T00:50:00", USER_1, WORKER_11, ACCEPT, "ACCEPT", Kind.ACCEPTED, 8192,
                    HEIGHT_AFTER_HALVING, "10.0.0.11"),
            new Share(15, "2024-04-20T01:20:00", USER_2, WORKER_21, SOLVED_STALE, "SOLVED_STALE", Kind.STALE, 16384,
                    HEIGHT_AFTER_HALVING, "10.0.0.22"));

    private HandMadeShares() {}

    /** Writes the shares into dwd.pool_share (the DWD tables must exist). */
    public static void insert(WarehouseSession session) throws Exception {
        session.execute("INSERT INTO dwd.pool_share (dt, worker_id, job_id, session_id, nonce, share_time, "
                + "version_mask, user_id, status, status_name, is_accepted, is_stale, is_rejected, reject_reason, "
                + "share_diff, network_diff, blk_bits, height, ip, ext_user_id, bits_reached, user_name, worker_name, "
                + "source_name, source_partition, source_offset) VALUES "
                + SHARES.stream().map(HandMadeShares::values).collect(Collectors.joining(", "))).await();
    }

    private static String values(Share s) {
        return String.format(Locale.ROOT, "('%s', CAST(%d AS BIGINT), CAST(%d AS BIGINT), CAST(%d AS BIGINT), "
                        + "CAST(%d AS BIGINT), TIMESTAMP '%s', CAST(%d AS BIGINT), %d, %d, '%s', %s, %s, %s, %s, "
                        + "CAST(%d AS BIGINT), CAST(%s AS DOUBLE), CAST(%d AS BIGINT), %d, '%s', %d, "
                        + "CAST(NULL AS BIGINT), "
                        + "'user-%d', 'worker-%d', '%s', 0, CAST(%d AS BIGINT))",
                s.time().substring(0, 10), s.workerId(), s.jobId(), SESSION_ID, s.nonce(), s.time().replace('T', ' '),
                VERSION_MASK, s.userId(), s.status(), s.statusName(), s.kind() == Kind.ACCEPTED, s.kind() == Kind.STALE,
                s.kind() == Kind.REJECTED, s.kind() == Kind.ACCEPTED ? "CAST(NULL AS STRING)" : "'" + s.statusName() + "'",
                s.shareDiff(), Double.toString(NETWORK_DIFF), BITS, s.height(), s.ip(), EXT_USER_ID, s.userId(),
                s.workerId(), SOURCE, s.offset());
    }

    /**
     * The same shares as btcpool's share log would carry them (JSON lines, in source order): what ods.pool_share_raw
     * holds for them, so dwd.pool_share's job run over it gives the rows {@link #insert} writes (names and source
     * positions aside: the names come from MySQL, the positions from wherever the log is loaded).
     */
    public static List<String> shareLog() {
        return SHARES.stream().map(s -> new String(ShareJsonCodec.encode(new ShareEvent(
                ShareProtobufCodec.BTCPOOL_VERSION, s.workerId(), s.userId(), s.status(),
                s.shareTime().toEpochSecond(ZoneOffset.UTC), s.ip(), s.jobId(), s.shareDiff(), BITS, s.height(),
                s.nonce(), SESSION_ID, VERSION_MASK, EXT_USER_ID, null)), StandardCharsets.UTF_8)).toList();
    }

    /** btcpool's figures of one window of shares. */
    public record Figures(long shareAccept, long shareStale, long shareReject, String rejectDetail, double rejectRate,
            double score, long earn, double hashrate, long acceptCount, long rejectCount) {}

    /** The figures of the shares matching {@code in}, over a window of {@code seconds}. */
    public static Figures figures(Predicate<Share> in, long seconds) {
        List<Share> shares = SHARES.stream().filter(in).toList();
        long accept = sum(shares, Kind.ACCEPTED);
        long stale = sum(shares, Kind.STALE);
        long reject = sum(shares, Kind.REJECTED);
        TreeMap<String, Long> detail = new TreeMap<>();
        shares.stream().filter(s -> s.kind() == Kind.REJECTED).forEach(s -> detail.merge(s.statusName(), s.shareDiff(), Long::sum));
        String json = detail.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        double score = shares.stream().mapToDouble(Share::score).sum();
        double earn = shares.stream().mapToDouble(s -> s.score() * s.subsidy()).sum();
        return new Figures(accept, stale, reject, json, reject == 0 ? 0.0 : (double) reject / (accept + reject), score,
                (long) earn, accept * Math.pow(2, 32) / seconds,
                shares.stream().filter(s -> s.kind() == Kind.ACCEPTED).count(),
                shares.stream().filter(s -> s.kind() == Kind.REJECTED).count());
    }

    private static long sum(List<Share> shares, Kind kind) {
        return shares.stream().filter(s -> s.kind() == kind).mapToLong(Share::shareDiff).sum();
    }

    public static Predicate<Share> hour(int hour) {
        return s -> s.shareTime().getHour() == hour;
    }

    public static Predicate<Share> worker(int userId, long workerId) {
        return s -> s.userId() == userId && s.workerId() == workerId;
    }

    public static Predicate<Share> user(int userId) {
        return s -> s.userId() == userId;
    }
}
