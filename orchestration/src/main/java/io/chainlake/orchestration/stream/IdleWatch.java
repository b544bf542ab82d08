package io.chainlake.orchestration.stream;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.flink.api.common.JobStatus;

/**
 * Watches a running {@link StreamingPipeline} until it is idle: every published record consumed, no table commit
 * for a quiet time, and three checkpoints completed since the last commit (a checkpoint completes only after every
 * operator has handled all input before its barrier, so a slow layer that has not committed yet is not idle).
 * Prints progress every few seconds; throws when the job fails.
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
    public Idle await(Duration quiet, LongConsumer onCommits) throws Exception {
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
            StreamProgress.Snapshot s = progress.observe();
            long checkpoints = pipeline.completedCheckpoints();
            if (s.commits() != lastCommits || !s.caughtUp()) {
                lastCommits = s.commits();
                lastChange = System.nanoTime();
                checkpointsAtChange = checkpoints;
            }
            onCommits.accept(s.commits());
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

    /**
     * The shortest useful quiet time for a checkpoint interval: the orphan hold of the chain indexer plus two
     * checkpoints, so held blocks and the last layer hop are in.
     */
    public static Duration minimumQuiet(long holdMillis, Duration checkpointInterval) {
        return Duration.ofMillis(holdMillis + 2 * checkpointInterval.toMillis());
    }
}
