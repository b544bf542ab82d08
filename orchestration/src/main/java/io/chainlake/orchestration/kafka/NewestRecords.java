package io.chainlake.orchestration.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records at the end of a topic's partitions, read without a consumer group (nothing is committed). Not only
 * the last one: blocks are published out of order (a shuffled replay, a late redelivery, a node catching up), so
 * the newest block is the highest among the last records, not the last record itself.
 */
public final class NewestRecords {

    private static final int FIRST_WINDOW = 16;

    private NewestRecords() {
    }

    /**
     * The records of every partition of {@code topic}, read backwards from its end in growing windows until about
     * {@code maxBytes} of values were read or the partition's start is reached: a whole small topic, the newest
     * few dozen blocks of a mainnet-sized one. Empty when the topic is missing or empty.
     */
    public static List<ConsumerRecord<String, byte[]>> tail(String bootstrapServers, String topic, Duration timeout,
            long maxBytes) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, ChainTopics.MAX_MESSAGE_BYTES);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null) {
                return records;
            }
            for (PartitionInfo info : infos) {
                TopicPartition tp = new TopicPartition(topic, info.partition());
                long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
                long high = consumer.endOffsets(List.of(tp), timeout).get(tp);
                consumer.assign(List.of(tp));
                long bytes = 0;
                for (long window = FIRST_WINDOW; high > begin && bytes < maxBytes && System.nanoTime() < deadline;
                        window *= 2) {
                    long low = Math.max(begin, high - window);
                    consumer.seek(tp, low);
                    // the position, not a record at high - 1: compaction and transaction markers leave gaps
                    while (consumer.position(tp) < high && System.nanoTime() < deadline) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            if (r.offset() < high) {
                                records.add(r);
                                bytes += Math.max(0, r.serializedValueSize());
                            }
                        }
                    }
                    high = low;
                }
            }
        }
        return records;
    }
}
