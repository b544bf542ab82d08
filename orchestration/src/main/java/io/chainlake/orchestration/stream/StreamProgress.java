package io.chainlake.orchestration.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.table.FileStoreTable;

/**
 * How far a running stream is: Kafka records published vs. consumed by a completed checkpoint (the offsets the
 * Kafka source commits to its group when a checkpoint completes), and the Paimon commits of every table it writes.
 * "Idle" means every published record is consumed and no table has committed for a while: everything read has
 * flowed through all layers.
 */
public final class StreamProgress {

    /** One observation. */
    public record Snapshot(long published, long consumed, long commits) {
        public boolean caughtUp() {
            return consumed >= published;
        }
    }

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;
    private final Catalog catalog;
    private final List<String> tables;

    public StreamProgress(Admin admin, String groupId, List<String> topics, Catalog catalog, List<String> tables) {
        this.admin = admin;
        this.groupId = groupId;
        this.topics = topics;
        this.catalog = catalog;
        this.tables = tables;
    }

    public Snapshot observe() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).forEach((topic, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
        long published = 0;
        long consumed = 0;
        for (var e : ends.entrySet()) {
            published += e.getValue().offset();
            OffsetAndMetadata c = committed.get(e.getKey());
            consumed += c == null ? 0 : Math.min(c.offset(), e.getValue().offset());
        }
        return new Snapshot(published, consumed, commits());
    }

    /** Sum of the latest snapshot ids of every table written: grows with every commit anywhere. */
    long commits() throws Catalog.TableNotExistException {
        long sum = 0;
        for (String t : tables) {
            FileStoreTable table = (FileStoreTable) catalog.getTable(Identifier.fromString(t));
            Long id = table.snapshotManager().latestSnapshotId();
            sum += id == null ? 0 : id;
        }
        return sum;
    }
}
