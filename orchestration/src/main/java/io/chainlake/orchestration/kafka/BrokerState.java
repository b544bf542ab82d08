package io.chainlake.orchestration.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a background broker of {@code ./chainlake kafka start} writes once it answers: its process id and address.
 * The file is {@code broker.state} in the broker's directory, {@code key=value} lines; it is removed when the broker
 * stops.
 *
 * @param pid              process id of the broker JVM
 * @param bootstrapServers {@code host:port} clients connect to
 * @param startedAt        when the broker started answering
 */
public record BrokerState(long pid, String bootstrapServers, Instant startedAt) {

    static final String FILE_NAME = "broker.state";

    /** The state file of the broker whose directory is {@code dir}. */
    static Path file(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** The state in {@code file}, or empty when there is none. */
    static Optional<BrokerState> read(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka broker state " + file, e);
        }
        try {
            return Optional.of(new BrokerState(Long.parseLong(p.getProperty("pid")), p.getProperty("bootstrap.servers"),
                    Instant.parse(p.getProperty("started.at"))));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka broker state " + file + " is damaged (" + e.getMessage()
                    + "); remove it if no broker runs", e);
        }
    }

    /** Writes this state to {@code file} atomically: readers see the old file or the whole new one. */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", String.valueOf(pid));
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("started.at", startedAt.toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(writer, "chainlake kafka broker");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
