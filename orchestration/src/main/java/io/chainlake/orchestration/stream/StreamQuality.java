package io.chainlake.orchestration.stream;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.Check;
import io.chainlake.quality.CheckOccasion;
import io.chainlake.quality.CheckResult;
import io.chainlake.quality.CheckScope;
import io.chainlake.quality.QualityRunner;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.flink.types.Row;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;

/**
 * The data-quality checks of a running stream. New data starts a round: when tables have committed since the last
 * round and none is running, and at most once per {@code every}. A round runs the same check files as
 * {@code build} in a batch session over the tables' newest snapshots and covers what arrived since the last round:
 * the new main-chain blocks, from the lowest checked height a reorg has since given another block (the last
 * {@value #REORG_WINDOW} checked heights are compared by hash) when there is one (checks whose rows carry
 * {@code block_height} or {@code height} look at those heights, those whose rows carry {@code dt} at those blocks'
 * days) and the new shares (pool checks at their days); the
 * other checks of a domain with new data look at everything. A domain without new data is not checked. Results
 * append to dq.check_result (run ids {@code stream-dq-...}, {@code partition} = {@code block_height 170-180},
 * {@code dt 2024-03-01} or {@code all}) and failed checks go to the alert webhook (QualityRunner's hook). One
 * round at a time, beside the stream, never inside it: a slow check delays the next round, not the data. The
 * recompute checks are left to {@code quality run} ({@link CheckOccasion#STREAM_ROUND}).
 */
public final class StreamQuality implements AutoCloseable {

    private static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    /** Checked heights a round compares with the main chain now; a deeper reorg is left to {@code quality run}. */
    static final int REORG_WINDOW = 100;

    private final ChainlakeConfig config;
    private final Duration every;
    private final Consumer<String> out;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stream-quality");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;
    private Long lastRoundNanos;
    private long checkedCommits = 0;
    private volatile int rounds;
    /** The highest main-chain height and the newest share time a round has checked (the worker's own state). */
    private Long checkedHeight;
    private LocalDateTime checkedShareTime;
    /** The main-chain block hash at each of the last {@link #REORG_WINDOW} checked heights. */
    private NavigableMap<Long, String> checkedMainChain = new TreeMap<>();

    /** @param every the least time between the starts of two rounds; zero turns the checks off */
    public StreamQuality(ChainlakeConfig config, Duration every, Consumer<String> out) {
        this.config = config;
        this.every = every;
        this.out = out;
    }

    /** Starts a round when {@code commits} (table commits carrying data) moved since the last one and one is due. */
    public void maybeRun(long commits) {
        boolean due = lastRoundNanos == null || System.nanoTime() - lastRoundNanos >= every.toNanos();
        if (every.isZero() || !due || commits == checkedCommits || (running != null && !running.isDone())) {
            return;
        }
        lastRoundNanos = System.nanoTime();
        checkedCommits = commits;
        running = worker.submit(this::round);
    }

    /** Rounds finished or started so far. */
    public int rounds() {
        return rounds;
    }

    private void round() {
        String runId = "stream-" + QualityRunner.newRunId();
        long start = System.nanoTime();
        try (WarehouseSession session = WarehouseSession.batch(config)) {
            Map<StreamDomain, List<CheckScope>> scopes = new EnumMap<>(StreamDomain.class);
            Optional<NavigableMap<Long, String>> newMainChain = newBlocks(session, scopes);
            Optional<LocalDateTime> newestShare = newShares(session, scopes);
            if (scopes.isEmpty()) {
                out.accept("stream quality: no new main-chain blocks or shares since the last round");
                return;
            }
            QualityRunner runner = new QualityRunner(session);
            List<CheckResult> results = new ArrayList<>();
            for (Layer layer : LAYERS) {
                List<Check> checks = runner.checks(layer, CheckOccasion.STREAM_ROUND).stream()
                        .filter(c -> scopes.containsKey(StreamDomain.of(c.table()))).toList();
                results.addAll(runner.run(runId, checks, c -> scopes.get(StreamDomain.of(c.table()))));
            }
            newMainChain.ifPresent(chain -> {
                checkedHeight = chain.lastKey();
                checkedMainChain = chain;
            });
            newestShare.ifPresent(t -> checkedShareTime = t);
            long passed = results.stream().filter(r -> r.status().equals(CheckResult.PASS)).count();
            out.accept(String.format(Locale.ROOT, "stream quality: %s (%s) %d/%d checks pass (%.0f s)", runId,
                    scopes.values().stream().map(s -> s.get(0).partition()).collect(Collectors.joining(", ")),
                    passed, results.size(), (System.nanoTime() - start) / 1e9));
            results.stream().filter(r -> !r.status().equals(CheckResult.PASS))
                    .forEach(r -> out.accept("stream quality: " + r.summaryLine()));
        } catch (Exception e) {
            out.accept("stream quality: round " + runId + " could not run: " + e.getMessage());
        } finally {
            rounds++;
        }
    }

    /**
     * Main-chain blocks above the last round's, and from the lowest checked height whose main-chain block a reorg
     * has replaced since: their heights and days become the chain's scopes. Returns the main chain's hashes at the
     * top {@link #REORG_WINDOW} heights, for the next round.
     */
    private Optional<NavigableMap<Long, String>> newBlocks(WarehouseSession session,
            Map<StreamDomain, List<CheckScope>> scopes) {
        if (!exists(session, "dwd.btc_block")) {
            return Optional.empty();
        }
        Long lowest = checkedHeight == null ? null : replacedSince(session).orElse(checkedHeight + 1);
        Row r = session.query("SELECT MIN(block_height), MAX(block_height), MIN(dt), MAX(dt) FROM dwd.btc_block "
                + "WHERE in_main_chain" + (lowest == null ? "" : " AND block_height >= " + lowest)).get(0);
        if (r.getField(0) == null) {
            return Optional.empty();
        }
        long from = ((Number) r.getField(0)).longValue();
        long to = ((Number) r.getField(1)).longValue();
        scopes.put(StreamDomain.CHAIN, List.of(CheckScope.heights("block_height", from, to),
                CheckScope.heights("height", from, to),
                CheckScope.days("dt", (String) r.getField(2), (String) r.getField(3))));
        return Optional.of(mainChain(session, to - REORG_WINDOW + 1, to));
    }

    /** The lowest height a round checked whose main-chain block is another one now (or none), if any. */
    private Optional<Long> replacedSince(WarehouseSession session) {
        if (checkedMainChain.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> now = mainChain(session, checkedMainChain.firstKey(), checkedMainChain.lastKey());
        return checkedMainChain.entrySet().stream()
                .filter(e -> !e.getValue().equals(now.get(e.getKey())))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** height → hash of the main-chain blocks in [from, to]. */
    private static NavigableMap<Long, String> mainChain(WarehouseSession session, long from, long to) {
        NavigableMap<Long, String> chain = new TreeMap<>();
        for (Row row : session.query("SELECT block_height, block_hash FROM dwd.btc_block WHERE in_main_chain AND "
                + "block_height BETWEEN " + from + " AND " + to)) {
            chain.put(((Number) row.getField(0)).longValue(), (String) row.getField(1));
        }
        return chain;
    }

    /** Shares newer than the last round's newest: their days become the pool's scope. */
    private Optional<LocalDateTime> newShares(WarehouseSession session, Map<StreamDomain, List<CheckScope>> scopes) {
        Row r = probe(session, "dwd.pool_share", "SELECT MIN(dt), MAX(dt), MAX(share_time) FROM dwd.pool_share"
                + (checkedShareTime == null ? "" : " WHERE share_time > CAST('"
                        + checkedShareTime.toString().replace('T', ' ') + "' AS TIMESTAMP(3))"));
        if (r == null || r.getField(0) == null) {
            return Optional.empty();
        }
        scopes.put(StreamDomain.POOL, List.of(CheckScope.days("dt", (String) r.getField(0), (String) r.getField(1))));
        return Optional.of((LocalDateTime) r.getField(2));
    }

    /** The one row of an aggregate over {@code table}, or null when the table is not there (a stream of one domain). */
    private static Row probe(WarehouseSession session, String table, String sql) {
        return exists(session, table) ? session.query(sql).get(0) : null;
    }

    private static boolean exists(WarehouseSession session, String table) {
        try {
            session.paimonCatalog().getTable(Identifier.fromString(table));
            return true;
        } catch (Catalog.TableNotExistException e) {
            return false;
        }
    }

    /** Waits for a round in progress (a stopping stream records the round it started), then stops. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.MINUTES);
    }
}
