package io.chainlake.orchestration.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The background broker of {@code ./chainlake kafka start|stop|status}: a separate JVM on this JVM's classpath
 * running {@link KafkaBrokerMain}, detached from the command that started it. Everything lives in one directory:
 * {@code data/} (the Kafka log directory), {@code broker.log} (its output) and {@code broker.state} (pid and
 * address while it runs).
 */
public final class BrokerProcess {

    /** The broker directory when none is given: {@code ./work/kafka} under the current directory. */
    public static final Path DEFAULT_DIR = Path.of("work", "kafka");

    /** Heap of the broker JVM: plenty for one development broker, little on a shared machine. */
    static final String BROKER_HEAP = "-Xmx512m";

    private static final String LOG_FILE = "broker.log";
    private static final Duration POLL = Duration.ofMillis(200);

    private final Path dir;

    public BrokerProcess(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve(LOG_FILE);
    }

    static Path dataDir(Path dir) {
        return dir.resolve("data");
    }

    /**
     * The running broker of this directory, if any. A state file whose process is gone, or was started after the
     * state was written (its pid was reused), is stale and removed.
     */
    public Optional<BrokerState> running() {
        Path file = BrokerState.file(dir);
        Optional<BrokerState> state = BrokerState.read(file);
        if (state.isPresent() && !isAlive(state.get())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove stale Kafka broker state " + file, e);
            }
            return Optional.empty();
        }
        return state;
    }

    private static boolean isAlive(BrokerState state) {
        return ProcessHandle.of(state.pid())
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(started -> !started.isAfter(state.startedAt())).orElse(true))
                .orElse(false);
    }

    /**
     * Starts the broker unless it runs already, and waits until it answers.
     *
     * @param port    client port on 127.0.0.1, 0 for a free one
     * @param timeout how long to wait for the broker to answer
     * @return the running broker, started now or before
     * @throws IllegalStateException when the broker exits or does not answer in time (it is then stopped), with
     *                               the last line of its log
     */
    public BrokerState start(int port, Duration timeout) throws IOException, InterruptedException {
        Optional<BrokerState> existing = running();
        if (existing.isPresent()) {
            return existing.get();
        }
        Files.createDirectories(dir);
        Path log = logFile();
        List<String> command = List.of(javaBinary(), BROKER_HEAP, "-cp", System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName(), dir.toString(), String.valueOf(port));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with code " + process.exitValue()
                        + " while starting: " + logTail(log));
            }
            Optional<BrokerState> state = BrokerState.read(BrokerState.file(dir));
            if (state.isPresent() && state.get().pid() == process.pid()
                    && KafkaCluster.isReachable(state.get().bootstrapServers(), Duration.ofSeconds(2))) {
                return state.get();
            }
            Thread.sleep(POLL.toMillis());
        }
        stop(process.toHandle(), Duration.ofSeconds(10));
        throw new IllegalStateException("Kafka broker did not answer within " + timeout.toSeconds() + " s: "
                + logTail(log));
    }

    /**
     * Stops the running broker: SIGTERM (a controlled shutdown), then a kill when it has not exited after
     * {@code grace}.
     *
     * @return the broker that was stopped, or empty when none ran
     */
    public Optional<BrokerState> stop(Duration grace) throws IOException, InterruptedException {
        Optional<BrokerState> state = running();
        if (state.isEmpty()) {
            return state;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(state.get().pid());
        if (handle.isPresent()) {
            stop(handle.get(), grace);
        }
        Files.deleteIfExists(BrokerState.file(dir));
        return state;
    }

    private static void stop(ProcessHandle process, Duration grace) throws InterruptedException {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (TimeoutException | ExecutionException e) {
            // killed below
        }
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("Kafka broker process " + process.pid() + " did not exit after a kill");
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The last line of the broker's output, where {@link KafkaBrokerMain} writes why it did not start. */
    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String last = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)");
            return last + " (log: " + log + ")";
        } catch (IOException e) {
            return "see " + log;
        }
    }
}
