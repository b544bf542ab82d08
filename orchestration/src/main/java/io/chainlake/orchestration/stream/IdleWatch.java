package io.chainlake.orchestration.stream;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;

/**
 * Watches a running {@link StreamingPipeline} until it is idle: every published record consumed, no table commit
 * for a quiet time, and three checkpoints completed since the last commit (a checkpoint completes only after every
 * operator has handled all input before its barrier, so a slow layer that has not committed yet is not idle).
 * Prints progress every few seconds; throws when the job fails. While Kafka does not answer (a broker restarting)
 * the job's source retries by itself and the watch waits: not idle.
 */
public final class IdleWatch {

    /**
     * What the watch saw when it returned.
     *
     * @param lastChangeNanos {@link System#nanoTime()} of the last observation that saw a new commit or unconsumed
     *                        records: when the stream finished its work, to the watch's polling interval
     * @param published       records published to the watched topics
     * @param commits         table commits (sum of the latest snapshot ids)
     */
    public record Idle(long lastChangeNanos, long published, long commits) {
    }

    /** Called at every observation with the commit count (quality rounds, reject lines, ...). */
    public interface Observer {
        void observed(long commits) throws Exception;
    }

    private static final long POLL_MILLIS = 500;
    private static final int QUIET_CHECKPOINTS = 3;

    private final StreamingPipeline pipeline;
    private final StreamProgress progress;
    private final Consumer<String> messages;

    public IdleWatch(StreamingPipeline pipeline, StreamProgress progress, Consumer<String> messages) {
        this.pipeline = pipeline;
        this.progress = progress;
        this.messages = messages;
    }

    /**
     * Returns once idle for {@code quiet}, or never when {@code quiet} is null (until interrupted or the job fails).
     *
     * @param onCommits called with the commit count at every observation (e.g. quality checks while tables change)
     */
    public Idle await(Duration quiet, Observer onCommits) throws Exception {
        long lastChange = System.nanoTime();
        long lastCommits = -1;
        long checkpointsAtChange = 0;
        long lastPrint = 0;
        while (true) {
            JobStatus status = pipeline.job().getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                pipeline.job().getJobExecutionResult().get(); // throws the job's failure
                throw new IllegalStateException("the streaming job ended: " + status);
            }
            Optional<StreamProgress.Snapshot> observed = observe();
            if (observed.isEmpty()) {
                lastChange = System.nanoTime();
                Thread.sleep(POLL_MILLIS);
                continue;
            }
            StreamProgress.Snapshot s = observed.get();
            long checkpoints = pipeline.completedCheckpoints();
            if (s.commits() != lastCommits || !s.caughtUp()) {
                lastCommits = s.commits();
                lastChange = System.nanoTime();
                checkpointsAtChange = checkpoints;
            }
            onCommits.observed(s.commits());
            double quietSeconds = (System.nanoTime() - lastChange) / 1e9;
            if (System.nanoTime() - lastPrint > 5e9) {
                messages.accept(String.format(Locale.ROOT,
                        "stream: %s, records consumed %d/%d, table commits %d, checkpoints %d, quiet %.0f s",
                        status, s.consumed(), s.published(), s.commits(), checkpoints, quietSeconds));
                lastPrint = System.nanoTime();
            }
            if (quiet != null && status == JobStatus.RUNNING && s.caughtUp() && quietSeconds * 1000 >= quiet.toMillis()
                    && checkpoints - checkpointsAtChange >= QUIET_CHECKPOINTS) {
                messages.accept(String.format(Locale.ROOT, "stream: idle for %.0f s with all %d records consumed; "
                        + "stopping", quietSeconds, s.published()));
                return new Idle(lastChange, s.published(), s.commits());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** One observation, or empty (and one line saying why) when Kafka does not answer. */
    private Optional<StreamProgress.Snapshot> observe() throws Exception {
        try {
            return Optional.of(progress.observe());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            messages.accept("stream: Kafka does not answer (" + cause + "); waiting for it");
            return Optional.empty();
        }
    }

    /**
     * The shortest useful quiet time for a checkpoint interval: the orphan hold of the chain indexer plus two
     * checkpoints, so held blocks and the last layer hop are in.
     */
    public static Duration minimumQuiet(long holdMillis, Duration checkpointInterval) {
        return Duration.ofMillis(holdMillis + 2 * checkpointInterval.toMillis());
    }
}
