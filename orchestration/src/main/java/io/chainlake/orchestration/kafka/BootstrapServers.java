package io.chainlake.orchestration.kafka;

import io.chainlake.catalog.ChainlakeConfig;
import java.util.Map;

/**
 * Which Kafka cluster a command talks to: {@code --bootstrap-servers} when given; else the config key
 * {@code kafka.bootstrap-servers} when it is set to something other than its default; else the broker of a running
 * {@code ./chainlake kafka start} in the default directory; else the default {@code 127.0.0.1:9092} (also where
 * {@code kafka start} listens unless told otherwise).
 */
public final class BootstrapServers {

    private BootstrapServers() {
    }

    public static String resolve(String flag, ChainlakeConfig config, BrokerProcess localBroker) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        String configured = config.get(ChainlakeConfig.KAFKA_BOOTSTRAP_SERVERS);
        String byDefault = ChainlakeConfig.defaultsWith(Map.of()).get(ChainlakeConfig.KAFKA_BOOTSTRAP_SERVERS);
        if (!configured.equals(byDefault)) {
            return configured;
        }
        return localBroker.running().map(BrokerState::bootstrapServers).orElse(configured);
    }
}
