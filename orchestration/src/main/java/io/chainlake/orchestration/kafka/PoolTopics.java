package io.chainlake.orchestration.kafka;

import io.chainlake.ods.pool.ShareEncoding;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka topic mining-pool shares travel on: {@value #SHARE}, one record per share message as btcpool's stratum
 * servers publish them; key = the worker id (btcpool workerhashid, decimal, UTF-8), so one worker's shares stay in
 * one partition; value = the message: a JSON object, or a protobuf BitcoinMsg after btcpool's 4-byte version
 * prefix, as btcpool's StratumMinerBitcoin sends it (ShareBitcoin::SerializeToStringWithVersion).
 */
public final class PoolTopics {

    public static final String SHARE = "pool.share";
    /** Partitions of {@value #SHARE} when simulate-pool creates it: room for a parallel consumer per core. */
    public static final int SHARE_PARTITIONS = 4;

    private PoolTopics() {}

    /** The record of one share message (as a share-log file holds it) for {@value #SHARE}, in btcpool's Kafka form. */
    public static ProducerRecord<String, byte[]> shareRecord(ShareEncoding encoding, long workerId, byte[] message) {
        return new ProducerRecord<>(SHARE, Long.toString(workerId), encoding.kafkaValue(message));
    }

    public static List<NewTopic> all() {
        return List.of(new NewTopic(SHARE, Optional.of(SHARE_PARTITIONS), Optional.empty()));
    }
}
