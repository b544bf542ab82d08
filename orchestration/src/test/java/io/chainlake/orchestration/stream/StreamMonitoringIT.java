package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink cluster {@code stream} starts, with the configuration {@code stream} gives it: the REST address serves
 * the web dashboard, and the Prometheus reporter answers on the chosen port in Prometheus's text format.
 */
class StreamMonitoringIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theRestAddressServesTheDashboardAndThePrometheusPortServesFlinkMetrics(@TempDir Path dir) throws Exception {
        PrometheusEndpoint prometheus = PrometheusEndpoint.choose(0);
        StreamingPipeline.Options options = new StreamingPipeline.Options(Duration.ofSeconds(1),
                new CheckpointStore(dir.resolve("checkpoints")), false, java.util.EnumSet.allOf(StreamDomain.class));
        try (WarehouseSession session = WarehouseSession.streaming(TestWarehouse.config(dir),
                StreamingPipeline.flinkConfig(options, Optional.empty(), prometheus))) {
            // 503 until the REST endpoint has found the dispatcher it serves for
            HttpResponse<String> dashboard = getOnceAvailable(session.flinkRestAddress().resolve("/"));
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("<title>Apache Flink Web Dashboard</title>");

            HttpResponse<String> metrics = get(prometheus.address());
            assertThat(metrics.statusCode()).isEqualTo(200);
            // the job manager's gauge of registered task managers: the MiniCluster has one
            assertThat(metrics.body())
                    .containsPattern("(?m)^flink_jobmanager_numRegisteredTaskManagers\\{.*\\} 1\\.0$");
        }
    }

    private static HttpResponse<String> getOnceAvailable(URI uri) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> r = get(uri);
        while (r.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            r = get(uri);
        }
        return r;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
