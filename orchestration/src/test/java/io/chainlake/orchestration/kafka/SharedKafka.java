package io.chainlake.orchestration.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process broker for every Kafka IT of the test run ({@code @ExtendWith(SharedKafka.class)}): started before
 * the first such class, stopped and deleted after the last. Tests that share it read from the offsets a topic had
 * before they wrote (see {@link KafkaRecords#endOffset}).
 */
final class SharedKafka implements BeforeAllCallback {

    private static volatile Broker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedKafka.class, k -> new Broker(), Broker.class);
    }

    static String bootstrapServers() {
        return broker.kafka.bootstrapServers();
    }

    private static final class Broker implements ExtensionContext.Store.CloseableResource {
        private final Path dir;
        private final EmbeddedKafkaBroker kafka;

        Broker() {
            try {
                dir = Files.createTempDirectory("chainlake-kafka-it");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            kafka = EmbeddedKafkaBroker.start(dir);
        }

        @Override
        public void close() throws IOException {
            kafka.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
