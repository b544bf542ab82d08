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
import org.apache.paimon.utils.SnapshotManager;

/**
 * How far a running stream is: Kafka records published vs. consumed by a completed checkpoint (the offsets the
 * Kafka source commits to its group when a checkpoint completes), and the Paimon commits of every table it writes.
 * "Idle" means every published record is consumed and no table has committed for a while: everything read has
 * flowed through all layers.
 */
public final class StreamProgress {

    /** Snapshots read per table and look at most (expired ones are gone anyway). */
    private static final long MAX_SNAPSHOTS_PER_LOOK = 100;

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
    private final Map<String, Long> seenSnapshot = new HashMap<>();
    private long dataCommits;

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

    /**
     * Commits that carried data, over every table written: grows with every commit that adds, changes or removes a
     * row. Empty commits do not count: Paimon's committer can commit an empty snapshot at every checkpoint (seen
     * after a restore), which is not activity. Reads only the snapshots that appeared since the last call.
     */
    long commits() throws Catalog.TableNotExistException {
        for (String t : tables) {
            SnapshotManager snapshots = ((FileStoreTable) catalog.getTable(Identifier.fromString(t))).snapshotManager();
            Long latest = snapshots.latestSnapshotId();
            if (latest == null) {
                continue;
            }
            long from = Math.max(seenSnapshot.getOrDefault(t, 0L) + 1, latest - MAX_SNAPSHOTS_PER_LOOK + 1);
            for (long id = from; id <= latest; id++) {
                if (snapshots.snapshotExists(id) && carriesData(snapshots.snapshot(id))) {
                    dataCommits++;
                }
            }
            seenSnapshot.put(t, latest);
        }
        return dataCommits;
    }

    private static boolean carriesData(org.apache.paimon.Snapshot s) {
        return nonZero(s.deltaRecordCount()) || nonZero(s.changelogRecordCount());
    }

    private static boolean nonZero(Long count) {
        return count != null && count != 0;
    }
}
