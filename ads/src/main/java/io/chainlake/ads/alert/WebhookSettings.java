package io.chainlake.ads.alert;

import io.chainlake.catalog.ChainlakeConfig;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where alerts go and how hard to try: {@code alert.webhook-url}, {@code alert.webhook-max-attempts},
 * {@code alert.webhook-backoff-ms} (the wait before the second attempt, doubled before each further one) and
 * {@code alert.webhook-timeout-ms} (per attempt). Serializable so a Flink function can carry it to its task.
 */
public record WebhookSettings(URI url, int maxAttempts, Duration initialBackoff, Duration timeout)
        implements Serializable {

    public WebhookSettings {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException(ChainlakeConfig.ALERT_WEBHOOK_URL + " must be an http(s) URL, not '"
                    + url + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(ChainlakeConfig.ALERT_WEBHOOK_MAX_ATTEMPTS + " must be at least 1, not "
                    + maxAttempts);
        }
    }

    /** The configured webhook; empty when {@code alert.webhook-url} is empty (alerts off). */
    public static Optional<WebhookSettings> from(ChainlakeConfig config) {
        String url = config.get(ChainlakeConfig.ALERT_WEBHOOK_URL).trim();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSettings(URI.create(url),
                Integer.parseInt(config.get(ChainlakeConfig.ALERT_WEBHOOK_MAX_ATTEMPTS)),
                Duration.ofMillis(Long.parseLong(config.get(ChainlakeConfig.ALERT_WEBHOOK_BACKOFF_MS))),
                Duration.ofMillis(Long.parseLong(config.get(ChainlakeConfig.ALERT_WEBHOOK_TIMEOUT_MS)))));
    }

    /** The URL without path and query, which often carry the webhook's secret token: safe for logs. */
    public String endpointForLogs() {
        return url.getScheme() + "://" + url.getAuthority();
    }
}
