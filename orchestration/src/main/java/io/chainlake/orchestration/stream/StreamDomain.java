package io.chainlake.orchestration.stream;

import io.chainlake.orchestration.kafka.ChainTopics;
import io.chainlake.orchestration.kafka.PoolTopics;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The independent pipelines one {@code stream} job can run ({@code --only}): each reads its own Kafka topics and
 * writes its own tables. Naming rule: a table belongs to {@link #POOL} when its name starts with {@code pool_}
 * ({@code ods.pool_share_raw} ... {@code ads.pool_overview}), every other table to {@link #CHAIN}
 * ({@code btc_*}, and {@code ads.mining_pool_share_day}, which reads the chain's {@code dws.btc_pool_day}).
 */
public enum StreamDomain {
    CHAIN(ChainTopics.all()),
    POOL(PoolTopics.all());

    private static final String POOL_PREFIX = "pool_";

    private final List<NewTopic> topics;

    StreamDomain(List<NewTopic> topics) {
        this.topics = topics;
    }

    /** The Kafka topics this domain's ODS jobs read, as they are created when missing. */
    public List<NewTopic> topics() {
        return topics;
    }

    public List<String> topicNames() {
        return topics.stream().map(NewTopic::name).toList();
    }

    /** The domain a {@code layer.table} belongs to, by the naming rule above. */
    public static StreamDomain of(String qualifiedTable) {
        String table = qualifiedTable.substring(qualifiedTable.indexOf('.') + 1);
        return table.startsWith(POOL_PREFIX) ? POOL : CHAIN;
    }

    public static StreamDomain fromCliName(String name) {
        for (StreamDomain d : values()) {
            if (d.cliName().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + name + "'; valid names: "
                + Arrays.stream(values()).map(StreamDomain::cliName).collect(Collectors.joining(", ")));
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
