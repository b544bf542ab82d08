package io.chainlake.orchestration.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The Kafka topics chain data travels on, and the headers its records carry.
 *
 * <ul>
 *   <li>{@value #BLOCK}: one record per block; key = block hash (hex, display byte order, UTF-8), value = the
 *       serialized block exactly as in a {@code blk*.dat} record or a P2P {@code block} message; headers
 *       {@value #NETWORK_HEADER} (e.g. {@code main}) and, when known, {@value #HEIGHT_HEADER} (decimal).
 *       One partition, so consumers see blocks in exactly the order the producer sent them.</li>
 *   <li>{@value #MEMPOOL_TX}: one record per unconfirmed transaction; key = txid (hex, display byte order),
 *       value = the serialized transaction (witness included), header {@value #NETWORK_HEADER}. One partition.</li>
 * </ul>
 *
 * <p>Both are created with the cluster's default replication factor and {@code max.message.bytes} of
 * {@link #MAX_MESSAGE_BYTES}; {@value #BLOCK} keeps its records forever ({@code retention.ms=-1}) so a consumer
 * can always rebuild from the first block.
 */
public final class ChainTopics {

    public static final String BLOCK = "btc.block";
    public static final String MEMPOOL_TX = "btc.mempool_tx";
    public static final String NETWORK_HEADER = "network";
    public static final String HEIGHT_HEADER = "height";

    /**
     * Largest record value accepted: a block is at most 4,000,000 bytes (the weight limit is also a byte limit);
     * 5 MiB leaves room for record overhead. Consumers of {@value #BLOCK} should allow as much per partition
     * fetch ({@code max.partition.fetch.bytes}).
     */
    public static final int MAX_MESSAGE_BYTES = 5 << 20;

    private ChainTopics() {
    }

    /** Both topics, as {@code replay} creates them when missing. */
    public static List<NewTopic> all() {
        return List.of(
                new NewTopic(BLOCK, Optional.of(1), Optional.empty()).configs(Map.of(
                        "max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES),
                        "retention.ms", "-1")),
                new NewTopic(MEMPOOL_TX, Optional.of(1), Optional.empty()).configs(Map.of(
                        "max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES))));
    }

    /**
     * A record of {@code topic} with this project's headers: {@value #NETWORK_HEADER} always, {@value #HEIGHT_HEADER}
     * when {@code height} is known; the partition is left to the producer.
     *
     * @param network         the network's CLI name, e.g. {@code main}
     * @param timestampMillis the record's timestamp: when it was sent, as a node would stamp it
     */
    public static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, String network,
            Integer height, long timestampMillis) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(NETWORK_HEADER, network.getBytes(StandardCharsets.UTF_8));
        if (height != null) {
            headers.add(HEIGHT_HEADER, String.valueOf(height).getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, null, timestampMillis, key, value, headers);
    }
}
