package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            broker.createTopics("t");
            try (KafkaProducer<String, byte[]> producer = KafkaRecords.producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>("t", "k", "v".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir)) {
            try (Admin admin = KafkaCluster.admin(broker.bootstrapServers())) {
                assertThat(admin.listTopics().names().get()).contains("t");
            }
            List<ConsumerRecord<String, byte[]>> records = KafkaRecords.readAll(broker.bootstrapServers(), "t", 1,
                    Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("k");
        }
    }
}
