package io.chainlake.orchestration.stream;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.CheckResult;
import io.chainlake.quality.QualityRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The data-quality checks of a running stream: every {@code every}, when tables have committed since the last
 * round, the same check files as {@code build} run in a batch session over the tables' newest snapshots, their
 * results append to dq.check_result (run ids {@code stream-dq-...}) and failed checks go to the alert webhook
 * (QualityRunner's hook). One round at a time, beside the stream, never inside it: a slow check delays the next
 * round, not the data.
 */
public final class StreamQuality implements AutoCloseable {

    private static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);

    private final ChainlakeConfig config;
    private final Duration every;
    private final Consumer<String> out;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stream-quality");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;
    private long lastRoundNanos = System.nanoTime();
    private long checkedCommits = 0;
    private int rounds;

    public StreamQuality(ChainlakeConfig config, Duration every, Consumer<String> out) {
        this.config = config;
        this.every = every;
        this.out = out;
    }

    /** Starts a round when one is due: {@code every} has passed and {@code commits} moved since the last round. */
    public void maybeRun(long commits) {
        boolean due = System.nanoTime() - lastRoundNanos >= every.toNanos();
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
            QualityRunner runner = new QualityRunner(session);
            List<CheckResult> results = new ArrayList<>();
            for (Layer layer : LAYERS) {
                results.addAll(runner.run(runId, runner.checks(layer)));
            }
            long passed = results.stream().filter(r -> r.status().equals(CheckResult.PASS)).count();
            out.accept(String.format(Locale.ROOT, "stream quality: %s %d/%d checks pass (%.0f s)", runId, passed,
                    results.size(), (System.nanoTime() - start) / 1e9));
            results.stream().filter(r -> !r.status().equals(CheckResult.PASS))
                    .forEach(r -> out.accept("stream quality: " + r.summaryLine()));
        } catch (Exception e) {
            out.accept("stream quality: round " + runId + " could not run: " + e.getMessage());
        } finally {
            rounds++;
        }
    }

    /** Waits for a round in progress (a stopping stream records the round it started), then stops. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.MINUTES);
    }
}
