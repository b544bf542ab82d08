package io.chainlake.orchestration.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapServersTest {

    @TempDir
    Path dir;

    private final ChainlakeConfig defaults = ChainlakeConfig.defaultsWith(Map.of());

    @Test
    void theFlagWinsOverEverything() {
        ChainlakeConfig configured = defaults.with(ChainlakeConfig.KAFKA_BOOTSTRAP_SERVERS, "kafka-1:9092");
        assertThat(BootstrapServers.resolve("b:1", configured, new BrokerProcess(dir))).isEqualTo("b:1");
    }

    @Test
    void aConfiguredAddressWinsOverALocalBroker() {
        ChainlakeConfig configured = defaults.with(ChainlakeConfig.KAFKA_BOOTSTRAP_SERVERS, "kafka-1:9092");
        assertThat(BootstrapServers.resolve(null, configured, new BrokerProcess(dir))).isEqualTo("kafka-1:9092");
    }

    @Test
    void withoutFlagConfigOrRunningBrokerItIsTheDefault() {
        assertThat(BootstrapServers.resolve(null, defaults, new BrokerProcess(dir))).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void aStateFileOfAProcessStartedAfterItWasWrittenIsStaleAndRemoved() throws Exception {
        // this JVM started after 1970: its pid in an old state file means the broker died and the pid was reused
        new BrokerState(ProcessHandle.current().pid(), "127.0.0.1:1", Instant.EPOCH).write(BrokerState.file(dir));
        assertThat(BootstrapServers.resolve(null, defaults, new BrokerProcess(dir))).isEqualTo("127.0.0.1:9092");
        assertThat(Files.exists(BrokerState.file(dir))).isFalse();
    }

    @Test
    void aStateFileOfAProcessThatExitedIsStaleAndRemoved() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process exited = new ProcessBuilder(java, "-version").start();
        exited.waitFor();
        new BrokerState(exited.pid(), "127.0.0.1:1", Instant.now()).write(BrokerState.file(dir));
        assertThat(new BrokerProcess(dir).running()).isEmpty();
        assertThat(Files.exists(BrokerState.file(dir))).isFalse();
    }
}
