package io.chainlake.ads.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs alerts as JSON to the configured webhook, the way Slack, Feishu or DingTalk bots are fed:
 * {@code {"alert_id": ..., "kind": ..., "text": ..., "fields": {...}}}, with the alert id also in the
 * {@code Idempotency-Key} header. Connection errors, timeouts, 5xx and 429 are retried with exponential backoff
 * (the configured wait, then twice that, ...); any other status is a permanent refusal and is not retried.
 */
public final class WebhookSender {

    /** An accepted alert: how many attempts it took and the 2xx status that accepted it. */
    public record Delivery(int attempts, int httpStatus) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESPONSE_EXCERPT = 200;

    private final WebhookSettings settings;
    private final HttpClient client;

    public WebhookSender(WebhookSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
    }

    /** Sends {@code alert}; throws {@link WebhookDeliveryException} when the webhook never accepted it. */
    public Delivery send(WebhookAlert alert) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alert.alertId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(alert)))
                .build();
        String problem = "";
        IOException cause = null;
        int attempt = 0;
        while (attempt < settings.maxAttempts()) {
            attempt++;
            if (attempt > 1) {
                pause(backoffBefore(attempt), alert);
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Delivery(attempt, status);
                }
                problem = "HTTP " + status + excerpt(response.body());
                cause = null;
                if (!retryable(status)) {
                    break;
                }
            } catch (IOException e) {
                problem = e.toString();
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookDeliveryException(describe(alert, attempt) + ": interrupted", e);
            }
        }
        throw new WebhookDeliveryException(describe(alert, attempt) + ": " + problem, cause);
    }

    /** The wait before attempt {@code attempt} (2, 3, ...): the configured backoff, doubled for each later one. */
    Duration backoffBefore(int attempt) {
        return settings.initialBackoff().multipliedBy(1L << Math.min(30, attempt - 2));
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 429;
    }

    /** The JSON body of {@code alert}. */
    public static byte[] body(WebhookAlert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert_id", alert.alertId());
        body.put("kind", alert.kind());
        body.put("text", alert.text());
        body.put("fields", alert.fields());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert " + alert.alertId() + " has a field JSON cannot hold: "
                    + e.getOriginalMessage(), e);
        }
    }

    private String describe(WebhookAlert alert, int attempts) {
        return "alert " + alert.alertId() + " not accepted by " + settings.endpointForLogs() + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts");
    }

    private void pause(Duration wait, WebhookAlert alert) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookDeliveryException("alert " + alert.alertId() + ": interrupted while waiting to retry", e);
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > RESPONSE_EXCERPT ? line.substring(0, RESPONSE_EXCERPT) + "..." : line);
    }
}
