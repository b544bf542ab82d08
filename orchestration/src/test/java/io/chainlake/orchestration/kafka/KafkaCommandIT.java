package io.chainlake.orchestration.kafka;

import io.chainlake.orchestration.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./chainlake kafka start|status|stop} with a real background broker process. */
class KafkaCommandIT {

    @TempDir
    Path dir;

    @AfterEach
    void stopLeftovers() throws Exception {
        new BrokerProcess(dir).stop(Duration.ofSeconds(5));
    }

    @Test
    void startsABackgroundBrokerOnceReportsItAndStopsIt() {
        String d = dir.toString();
        CliRun start = CliRun.of("kafka", "start", "--dir", d, "--port", "0");
        assertThat(start.exitCode()).as(start.err()).isZero();
        String address = start.out().strip();
        assertThat(address).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(KafkaCluster.isReachable(address, Duration.ofSeconds(5))).isTrue();
        assertThat(Files.exists(dir.resolve("broker.log"))).isTrue();
        assertThat(Files.exists(dir.resolve("data/meta.properties"))).isTrue();

        CliRun status = CliRun.of("kafka", "status", "--dir", d);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("running at " + address + " (pid ");

        CliRun again = CliRun.of("kafka", "start", "--dir", d, "--port", "0");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out().strip()).isEqualTo(address);
        assertThat(again.err()).contains("already running");

        // replay and the streaming job find it when no address is configured
        BrokerProcess broker = new BrokerProcess(dir);
        assertThat(BootstrapServers.resolve(null, ChainlakeConfig.defaultsWith(Map.of()), broker)).isEqualTo(address);

        CliRun stop = CliRun.of("kafka", "stop", "--dir", d);
        assertThat(stop.exitCode()).isZero();
        assertThat(stop.out()).startsWith("stopped kafka broker at " + address);
        assertThat(Files.exists(dir.resolve("broker.state"))).isFalse();

        CliRun after = CliRun.of("kafka", "status", "--dir", d);
        assertThat(after.exitCode()).isEqualTo(3);
        assertThat(after.out().strip()).isEqualTo("not running");
        assertThat(KafkaCluster.isReachable(address, Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void aTakenPortIsOneClearErrorAndLeavesNoBroker() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun start = CliRun.of("kafka", "start", "--dir", dir.toString(), "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.err()).contains("kafka broker did not start: port 127.0.0.1:" + taken.getLocalPort()
                    + " is in use");
        }
        assertThat(new BrokerProcess(dir).running()).isEmpty();
    }

    @Test
    void stopRefusesAClusterItDidNotStart() {
        CliRun stop = CliRun.of("kafka", "stop", "--bootstrap-servers", "kafka-1:9092");
        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.err()).contains("kafka stop stops only a broker started by kafka start");
    }
}
