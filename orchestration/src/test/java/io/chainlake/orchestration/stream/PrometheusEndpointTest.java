package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    @Test
    void aTakenPortGivesWayToAFreeOneAndSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            PrometheusEndpoint endpoint = PrometheusEndpoint.choose(taken.getLocalPort());
            assertThat(endpoint.configuredPortTaken()).isTrue();
            assertThat(endpoint.port()).isPositive().isNotEqualTo(taken.getLocalPort());
            assertThat(endpoint.address().toString()).isEqualTo("http://127.0.0.1:" + endpoint.port() + "/metrics");
        }
    }

    @Test
    void aFreeConfiguredPortIsKept() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PrometheusEndpoint endpoint = PrometheusEndpoint.choose(port);
        assertThat(endpoint.port()).isEqualTo(port);
        assertThat(endpoint.configuredPortTaken()).isFalse();
    }
}
