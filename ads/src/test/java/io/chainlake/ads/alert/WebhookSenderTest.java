package io.chainlake.ads.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    private static final Duration BACKOFF = Duration.ofMillis(100);

    private static WebhookAlert alert() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("txid", "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        fields.put("block_height", 170);
        fields.put("fee_sat", null);
        fields.put("receiver_addresses", List.of("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3"));
        return new WebhookAlert("large_tx/f4184f/confirmed", "large_tx", "Large transaction confirmed", fields);
    }

    @Test
    void retriesServerErrorsWithGrowingWaitsThenDeliversOnce() throws Exception {
        try (WebhookServer server = new WebhookServer(2, 503)) {
            WebhookSender.Delivery delivery = new WebhookSender(server.settings(5, BACKOFF)).send(alert());

            assertThat(delivery).isEqualTo(new WebhookSender.Delivery(3, 200));
            List<WebhookServer.Received> received = server.received();
            assertThat(received).extracting(WebhookServer.Received::answeredWith).containsExactly(503, 503, 200);
            assertThat(server.accepted()).hasSize(1);
            // exponential backoff: 100 ms before the 2nd attempt, 200 ms before the 3rd
            assertThat(Duration.ofNanos(received.get(1).nanoTime() - received.get(0).nanoTime()))
                    .isGreaterThanOrEqualTo(BACKOFF);
            assertThat(Duration.ofNanos(received.get(2).nanoTime() - received.get(1).nanoTime()))
                    .isGreaterThanOrEqualTo(BACKOFF.multipliedBy(2));
            // every attempt carries the same alert id, so a receiver can drop repeats
            assertThat(received).extracting(WebhookServer.Received::idempotencyKey)
                    .containsOnly("large_tx/f4184f/confirmed");

            JsonNode body = new ObjectMapper().readTree(received.get(2).body());
            assertThat(body.get("alert_id").asText()).isEqualTo("large_tx/f4184f/confirmed");
            assertThat(body.get("kind").asText()).isEqualTo("large_tx");
            assertThat(body.get("text").asText()).isEqualTo("Large transaction confirmed");
            assertThat(body.get("fields").get("block_height").asInt()).isEqualTo(170);
            assertThat(body.get("fields").get("fee_sat").isNull()).isTrue();
            assertThat(body.get("fields").get("receiver_addresses").get(0).asText())
                    .isEqualTo("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
        }
    }

    @Test
    void aClientErrorIsNotRetried() {
        try (WebhookServer server = new WebhookServer(10, 404)) {
            WebhookSender sender = new WebhookSender(server.settings(5, BACKOFF));

            assertThatThrownBy(() -> sender.send(alert()))
                    .isInstanceOf(WebhookDeliveryException.class)
                    // the URL's path and query (the webhook's token) stay out of the message
                    .hasMessage("alert large_tx/f4184f/confirmed not accepted by " + server.settings(1, BACKOFF)
                            .endpointForLogs() + " after 1 attempt: HTTP 404: try later");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void connectionErrorsAreRetriedUpToTheLimit() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookSettings settings = new WebhookSettings(URI.create("http://127.0.0.1:" + closedPort + "/hook"), 3,
                Duration.ofMillis(10), Duration.ofSeconds(2));

        assertThatThrownBy(() -> new WebhookSender(settings).send(alert()))
                .isInstanceOf(WebhookDeliveryException.class)
                .hasMessageStartingWith("alert large_tx/f4184f/confirmed not accepted by http://127.0.0.1:"
                        + closedPort + " after 3 attempts: java.net.ConnectException");
    }

    @Test
    void backoffDoublesPerAttempt() {
        WebhookSender sender = new WebhookSender(new WebhookSettings(URI.create("http://127.0.0.1/hook"), 5,
                Duration.ofMillis(500), Duration.ofSeconds(1)));

        assertThat(List.of(sender.backoffBefore(2), sender.backoffBefore(3), sender.backoffBefore(4)))
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }
}
