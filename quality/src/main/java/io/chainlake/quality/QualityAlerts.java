package io.chainlake.quality;

import io.chainlake.ads.alert.WebhookAlert;
import io.chainlake.ads.alert.WebhookDeliveryException;
import io.chainlake.ads.alert.WebhookSender;
import io.chainlake.ads.alert.WebhookSettings;
import io.chainlake.catalog.ChainlakeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The quality runner's hook into the alert webhook ({@code alert.webhook-url}): one alert per check that failed
 * ({@code fail}) or could not run ({@code error}) in a run, through the same {@link WebhookSender} as the
 * large-transaction alerts. An alert the webhook refuses is reported and does not change the run's outcome.
 */
final class QualityAlerts {

    static final String KIND = "quality_check";

    private final Optional<WebhookSender> sender;
    private final Consumer<String> problems;

    QualityAlerts(ChainlakeConfig config, Consumer<String> problems) {
        this.sender = WebhookSettings.from(config).map(WebhookSender::new);
        this.problems = problems;
    }

    /** Sends the alerts of a run's results; returns how many the webhook accepted. */
    int send(List<CheckResult> results) {
        if (sender.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (CheckResult result : results) {
            if (!result.status().equals(CheckResult.FAIL) && !result.status().equals(CheckResult.ERROR)) {
                continue;
            }
            try {
                sender.get().send(alertFor(result));
                sent++;
            } catch (WebhookDeliveryException e) {
                problems.accept("quality: " + e.getMessage());
            }
        }
        return sent;
    }

    static WebhookAlert alertFor(CheckResult result) {
        Check check = result.check();
        String name = check.layer().database() + "/" + check.name();
        String text = result.status().equals(CheckResult.ERROR)
                ? "Data-quality check " + name + " could not run in " + result.runId() + ": " + result.sampleRows()
                : "Data-quality check " + name + " failed in " + result.runId() + ": " + result.violationCount()
                        + " violations (" + check.description() + ")";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run_id", result.runId());
        fields.put("layer", check.layer().database());
        fields.put("check_name", check.name());
        fields.put("table_name", check.table());
        fields.put("severity", check.severity());
        fields.put("status", result.status());
        fields.put("observed_value", Double.isNaN(result.observedValue()) ? null : result.observedValue());
        fields.put("threshold", check.threshold());
        fields.put("violation_count", result.violationCount());
        fields.put("sample_rows", result.sampleRows());
        fields.put("description", check.description());
        return new WebhookAlert(KIND + "/" + result.runId() + "/" + name, KIND, text, fields);
    }
}
