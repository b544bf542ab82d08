package io.chainlake.orchestration.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Test access to a topic with plain Kafka clients. */
final class KafkaRecords {

    private KafkaRecords() {
    }

    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return KafkaCluster.producer(bootstrapServers);
    }

    /**
     * Every record of partition 0 of {@code topic} from the beginning, waiting up to {@code timeout} for at least
     * {@code expected} of them (and then reading what else has arrived).
     */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic, int expected,
            Duration timeout) {
        return readFrom(bootstrapServers, topic, 0, expected, timeout);
    }

    /** As {@link #readAll}, from {@code offset} of partition 0 on. */
    static List<ConsumerRecord<String, byte[]>> readFrom(String bootstrapServers, String topic, long offset,
            int expected, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                var batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(records::add);
                if (records.size() >= expected && batch.isEmpty()) {
                    break;
                }
            }
        }
        return records;
    }

    /** The next offset of partition 0 of {@code topic}: where records written from now on start; 0 if no topic. */
    static long endOffset(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            if (!consumer.listTopics().containsKey(topic)) {
                return 0;
            }
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, ChainTopics.MAX_MESSAGE_BYTES);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The header's value as UTF-8, or null when the record has no such header. */
    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
