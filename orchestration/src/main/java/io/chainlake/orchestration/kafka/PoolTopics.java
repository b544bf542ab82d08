package io.chainlake.orchestration.kafka;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The Kafka topic mining-pool shares travel on: {@value #SHARE}, one record per share message as btcpool's stratum
 * servers publish them; key = the worker id (btcpool workerhashid, decimal, UTF-8), so one worker's shares stay in
 * one partition; value = the message (JSON or protobuf BitcoinMsg, no framing).
 */
public final class PoolTopics {

    public static final String SHARE = "pool.share";
    /** Partitions of {@value #SHARE} when simulate-pool creates it: room for a parallel consumer per core. */
    public static final int SHARE_PARTITIONS = 4;

    private PoolTopics() {}

    public static List<NewTopic> all() {
        return List.of(new NewTopic(SHARE, Optional.of(SHARE_PARTITIONS), Optional.empty()));
    }
}
