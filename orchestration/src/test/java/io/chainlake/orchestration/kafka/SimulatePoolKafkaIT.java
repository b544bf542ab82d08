package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareLogReader;
import io.chainlake.orchestration.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate-pool} to Kafka publishes the messages the same simulation writes to a file, keyed by worker, each
 * as btcpool's stratum server sends it: its 4-byte version prefix {@code 04 00 01 00} (ShareBitcoin::
 * SerializeToStringWithVersion), then the message the file holds in btcpool's uint32 share-log framing.
 */
@ExtendWith(SharedKafka.class)
class SimulatePoolKafkaIT {

    @TempDir
    Path dir;

    @Test
    void publishesTheSameMessagesAsTheFileKeyedByWorker() throws Exception {
        String[] simulation = {"--users", "3", "--workers", "30", "--rate", "30", "--duration", "4", "--seed", "11",
            "--start", "2024-05-01T00:00:00Z", "--format", "protobuf", "--no-dims"};
        Path file = dir.resolve("shares.pb");
        CliRun toFile = CliRun.of(concat(new String[] {"simulate-pool", "--out", file.toString()}, simulation));
        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(ShareLogReader.detectFraming(file)).isEqualTo(ShareLogReader.Framing.UINT32_LE);
        List<String> fileMessages = new ArrayList<>();
        ShareLogReader.read(file, ShareEncoding.PROTOBUF, r -> fileMessages.add("04000100"
                + HexFormat.of().formatHex(r.payload())));

        CliRun toKafka = CliRun.of(concat(new String[] {"simulate-pool", "--bootstrap-servers",
            SharedKafka.bootstrapServers()}, simulation));

        assertThat(toKafka.exitCode()).as(toKafka.err()).isZero();
        assertThat(toKafka.out()).contains("to pool.share at " + SharedKafka.bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = readAll(fileMessages.size());
        assertThat(records).extracting(r -> HexFormat.of().formatHex(r.value()))
                .containsExactlyInAnyOrderElementsOf(fileMessages);
        Map<String, Integer> partitionOfWorker = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            assertThat(partitionOfWorker.putIfAbsent(r.key(), r.partition())).isIn(null, r.partition());
            try {
                assertThat(r.key()).isEqualTo(Long.toString(ShareEncoding.PROTOBUF.decode(r.value()).workerHashId()));
            } catch (io.chainlake.ods.pool.ShareDecodeException malformed) {
                // a malformed message still carries its worker's key
            }
        }
        assertThat(partitionOfWorker.size()).as("workers with a share in 4 s").isBetween(20, 30);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PoolTopics.SHARE_PARTITIONS)
                    .mapToObj(i -> new TopicPartition(PoolTopics.SHARE, i)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
