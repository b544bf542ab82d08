package io.chainlake.orchestration.stream;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.flink.configuration.Configuration;

/**
 * The port where {@code stream} serves Flink's metrics for Prometheus to scrape (flink-metrics-prometheus's
 * {@code PrometheusReporter}, text format at {@code /metrics}). The configured port when it is free; otherwise
 * (another stream on the same machine) a free one, so a second stream still runs and prints where its metrics are.
 */
public record PrometheusEndpoint(int port, boolean configuredPortTaken) {

    private static final String REPORTER = "metrics.reporter.prom.";

    /** {@code configured}, or a free port when it is taken or 0. */
    public static PrometheusEndpoint choose(int configured) {
        if (configured > 0 && isFree(configured)) {
            return new PrometheusEndpoint(configured, false);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return new PrometheusEndpoint(socket.getLocalPort(), configured > 0);
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the Prometheus metrics endpoint", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Adds the reporter to a Flink configuration. */
    void configure(Configuration c) {
        c.setString(REPORTER + "factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        c.setString(REPORTER + "port", String.valueOf(port));
    }

    /** Where Prometheus scrapes (the reporter listens on every interface). */
    public URI address() {
        return URI.create("http://127.0.0.1:" + port + "/metrics");
    }
}
