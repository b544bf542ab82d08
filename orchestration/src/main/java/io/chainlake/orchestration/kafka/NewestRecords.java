package io.chainlake.orchestration.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The last record of every partition of a topic, read without a consumer group (nothing is committed). */
public final class NewestRecords {

    private NewestRecords() {
    }

    /** One record per non-empty partition of {@code topic}; empty when the topic is missing or empty. */
    public static List<ConsumerRecord<String, byte[]>> of(String bootstrapServers, String topic, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, ChainTopics.MAX_MESSAGE_BYTES);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions =
                    infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> lastOffsets = new HashMap<>();
            consumer.endOffsets(partitions, timeout).forEach((tp, end) -> {
                if (end > 0) {
                    lastOffsets.put(tp, end - 1);
                }
            });
            consumer.assign(lastOffsets.keySet());
            lastOffsets.forEach(consumer::seek);
            Map<TopicPartition, ConsumerRecord<String, byte[]>> newest = new HashMap<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (newest.size() < lastOffsets.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= lastOffsets.get(new TopicPartition(r.topic(), r.partition()))) {
                        newest.put(new TopicPartition(r.topic(), r.partition()), r);
                    }
                }
            }
            return new ArrayList<>(newest.values());
        }
    }
}
