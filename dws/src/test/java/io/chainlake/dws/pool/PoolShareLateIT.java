package io.chainlake.dws.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.LayerBuilder;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dws.pool_share_late against its rule (dws/README.md) evaluated by brute force here: a share is late when a share
 * read before it from the same topic partition or file is more than pool.allowed-lateness-s newer. The job compares
 * a share with the newest times of earlier epochs, spans and blocks of positions and with its own block; these shares
 * are late against the block just before, a block two back, their own block, spans and epochs back, and exactly at
 * the lateness bound.
 */
class PoolShareLateIT {

    private static final long LATENESS_S = 300;
    private static final LocalDateTime T0 = LocalDateTime.parse("2024-04-20T00:00:00");
    private static final String TOPIC = "pool.share";
    private static final String FILE = "shares-2024-04-20.jsonl";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A share's place in its source and its time; nothing else decides lateness. */
    record Placed(String source, int partition, long offset, LocalDateTime time) {}

    /** A listed late share: its place, the newest time read before it, and by how many seconds. */
    record Late(String source, int partition, long offset, LocalDateTime newestBefore, long lateByS) {}

    @TempDir
    static Path dir;

    @Test
    void lateSharesFollowTheRuleAcrossBlocksOfPositions() throws Exception {
        List<Placed> shares = new ArrayList<>(List.of(
                // block 0 of partition 0 (32 positions) ends at position 31 with the newest time of its first blocks
                new Placed(TOPIC, 0, 10, T0.plusMinutes(5)),
                new Placed(TOPIC, 0, 31, T0.plusMinutes(30)),
                // block 1: position 32, 20 minutes older than position 31 just before it
                new Placed(TOPIC, 0, 32, T0.plusMinutes(10)),
                new Placed(TOPIC, 0, 40, T0.plusMinutes(25).plusSeconds(1)), // 299 s older than 31: in time
                new Placed(TOPIC, 0, 41, T0.plusMinutes(25)), // exactly 300 s older: in time
                new Placed(TOPIC, 0, 42, T0.plusMinutes(24).plusSeconds(59)), // 301 s older: late
                // block 3, block 2 empty: late only against block 0
                new Placed(TOPIC, 0, 100, T0.plusMinutes(12)),
                new Placed(TOPIC, 0, 110, T0.plusMinutes(40)),
                new Placed(TOPIC, 0, 111, T0.plusMinutes(33)), // late against its own block
                // partition 1 is another order: its newer shares make no share of partition 0 late, nor the reverse
                new Placed(TOPIC, 1, 10, T0.plusHours(2)),
                new Placed(TOPIC, 1, 2000, T0.plusHours(2).plusMinutes(1)),
                // the file: a share read later but dated earlier by more than the bound, across blocks
                new Placed(FILE, 0, 1, T0.plusMinutes(50)),
                new Placed(FILE, 0, 33, T0.plusMinutes(44)),
                // partition 2 far into its log: late against a share spans (2^15 positions) and epochs (2^25) back
                new Placed(TOPIC, 2, 5, T0.plusHours(1)),
                new Placed(TOPIC, 2, 32_767, T0.plusMinutes(10)), // last position of span 0
                new Placed(TOPIC, 2, 32_768, T0.plusMinutes(20)), // first position of span 1
                new Placed(TOPIC, 2, 100_000, T0.plusMinutes(50)), // span 3, spans 1 and 2 between
                new Placed(TOPIC, 2, 33_554_432, T0.plusMinutes(30)), // first position of epoch 1
                new Placed(TOPIC, 2, 5_000_000_000L, T0.plusMinutes(54)), // epoch 4
                new Placed(TOPIC, 2, 5_000_000_001L, T0.plusHours(2)),
                new Placed(TOPIC, 2, 5_000_000_002L, T0.plusHours(2).minusMinutes(5)))); // exactly 300 s: in time
        Random random = new Random(20240420);
        shares.addAll(randomShares(random, "pool.share.random", 2, 600, 0));
        shares.addAll(randomShares(random, "pool.share.sparse", 1, 300, 100_000_000));

        ChainlakeConfig config = ChainlakeConfig.defaultsWith(Map.of(
                ChainlakeConfig.WAREHOUSE, dir.resolve("warehouse").toString(),
                ChainlakeConfig.PARALLELISM, "2",
                ChainlakeConfig.POOL_ALLOWED_LATENESS_S, Long.toString(LATENESS_S)));
        List<Late> listed;
        try (WarehouseSession session = WarehouseSession.batch(config)) {
            session.createTables(Layer.DWD);
            session.createTables(Layer.DWS);
            insert(session, shares);
            session.createViews(Layer.DWS);
            session.execute(new LayerBuilder(session).insertStatement(Layer.DWS, "pool_share_late")).await();
            listed = session.query("SELECT source_name, source_partition, source_offset, newest_before_time, "
                    + "late_by_s FROM dws.pool_share_late").stream().map(PoolShareLateIT::late).toList();
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(byTheRule(shares));
        assertThat(listed).contains(
                new Late(TOPIC, 0, 32, T0.plusMinutes(30), 20 * 60),
                new Late(TOPIC, 0, 42, T0.plusMinutes(30), 301),
                new Late(TOPIC, 0, 100, T0.plusMinutes(30), 18 * 60),
                new Late(TOPIC, 0, 111, T0.plusMinutes(40), 7 * 60),
                new Late(FILE, 0, 33, T0.plusMinutes(50), 6 * 60));
        assertThat(listed).contains(
                new Late(TOPIC, 2, 32_767, T0.plusHours(1), 50 * 60),
                new Late(TOPIC, 2, 32_768, T0.plusHours(1), 40 * 60),
                new Late(TOPIC, 2, 100_000, T0.plusHours(1), 10 * 60),
                new Late(TOPIC, 2, 33_554_432, T0.plusHours(1), 30 * 60),
                new Late(TOPIC, 2, 5_000_000_000L, T0.plusHours(1), 6 * 60));
        assertThat(listed).filteredOn(l -> l.source().equals(TOPIC)).extracting(Late::offset)
                .doesNotContain(40L, 41L, 10L, 31L, 110L, 5L, 5_000_000_001L, 5_000_000_002L);
    }

    /**
     * Shares of a random source further on the day, mostly in order, some late by up to 20 minutes; with
     * {@code maxJump} > 0 one step in ten skips up to that many positions, so the log crosses spans and epochs.
     */
    private static List<Placed> randomShares(Random random, String source, int partitions, int perPartition,
            int maxJump) {
        List<Placed> shares = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            long offset = random.nextInt(16);
            for (int i = 0; i < perPartition; i++) {
                offset += 1 + random.nextInt(12); // about 4000 positions: blocks 0 to 125 of span 0
                if (maxJump > 0 && random.nextInt(10) == 0) {
                    offset += random.nextInt(maxJump);
                }
                long seconds = 3 * 3600 + i * 8L - (random.nextInt(20) == 0 ? random.nextInt(1200) : 0);
                shares.add(new Placed(source, partition, offset, T0.plusSeconds(seconds)));
            }
        }
        return shares;
    }

    private static List<Late> byTheRule(List<Placed> shares) {
        List<Late> late = new ArrayList<>();
        for (Placed s : shares) {
            shares.stream()
                    .filter(e -> e.source().equals(s.source()) && e.partition() == s.partition()
                            && e.offset() < s.offset())
                    .map(Placed::time)
                    .max(LocalDateTime::compareTo)
                    .filter(newest -> newest.isAfter(s.time().plusSeconds(LATENESS_S)))
                    .ifPresent(newest -> late.add(new Late(s.source(), s.partition(), s.offset(), newest,
                            Duration.between(s.time(), newest).toSeconds())));
        }
        return late;
    }

    /**
     * Into dwd.pool_share, from plain literals cast once in the SELECT: a cast inside each VALUES row makes the
     * planner union one source per row.
     */
    private static void insert(WarehouseSession session, List<Placed> shares) throws Exception {
        session.execute("INSERT INTO dwd.pool_share (dt, worker_id, job_id, session_id, nonce, share_time, "
                + "version_mask, user_id, status_name, share_diff, source_name, source_partition, source_offset) "
                + "SELECT dt, CAST(worker_id AS BIGINT), CAST(job_id AS BIGINT), CAST(7 AS BIGINT), "
                + "CAST(source_offset AS BIGINT), share_time, CAST(0 AS BIGINT), 1, 'ACCEPT', CAST(8192 AS BIGINT), "
                + "source_name, source_partition, CAST(source_offset AS BIGINT) FROM (VALUES "
                + shares.stream().map(PoolShareLateIT::values).collect(Collectors.joining(", "))
                + ") AS s (dt, worker_id, job_id, share_time, source_name, source_partition, source_offset)").await();
    }

    private static String values(Placed s) {
        return String.format(Locale.ROOT, "('%s', %d, %d, TIMESTAMP '%s', '%s', %d, %d)", s.time().toLocalDate(),
                1000 + s.partition(), s.source().hashCode() & 0xffff, s.time().format(TIMESTAMP), s.source(),
                s.partition(), s.offset());
    }

    private static Late late(Row r) {
        return new Late((String) r.getField(0), (Integer) r.getField(1), (Long) r.getField(2),
                (LocalDateTime) r.getField(3), (Long) r.getField(4));
    }
}
