package io.chainlake.ads.alert;

import java.util.Map;

/**
 * One alert as chat-bot webhooks take it: {@code text} is what a person reads (Slack shows it as is), {@code fields}
 * the same facts for machines, and {@code alertId} a stable id, sent again unchanged on every retry and redelivery
 * so a receiver can drop a repeat.
 *
 * @param alertId stable id, e.g. {@code large_tx/<txid>/confirmed}
 * @param kind    {@code large_tx} | {@code quality_check}
 * @param text    one human-readable line
 * @param fields  structured facts, in display order; values are strings, numbers, booleans, lists or NULL
 */
public record WebhookAlert(String alertId, String kind, String text, Map<String, Object> fields) {
}
