package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainlake.ads.alert.WebhookServer;
import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed check posts one alert to the configured webhook; passing checks post nothing. */
class QualityAlertsIT {

    private static final String TXID = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

    @TempDir
    Path dir;

    @Test
    void aFailedCheckIsPostedOncePerRun() throws Exception {
        try (WebhookServer webhook = new WebhookServer(1, 502)) {
            ChainlakeConfig config = TestWarehouse.config(dir)
                    .with(ChainlakeConfig.ALERT_WEBHOOK_URL, webhook.url().toString())
                    .with(ChainlakeConfig.ALERT_WEBHOOK_BACKOFF_MS, "10");
            try (WarehouseSession session = WarehouseSession.batch(config)) {
                session.createTables(Layer.ODS);
                session.createTables(Layer.DWD);
                // relayed but never taken into DWD: dwd/btc_mempool_tx__matches_ods must fail
                session.execute("INSERT INTO ods.btc_mempool_tx (txid, network, first_seen_at) VALUES ('" + TXID
                        + "', 'main', TIMESTAMP '2009-01-12 03:21:07')").await();

                QualityRunner runner = new QualityRunner(session);
                List<Check> checks = runner.checks(Layer.DWD, CheckOccasion.ON_DEMAND).stream()
                        .filter(c -> c.name().startsWith("btc_mempool_tx__"))
                        .toList();
                String runId = QualityRunner.newRunId();
                List<CheckResult> results = runner.run(runId, checks);

                assertThat(results).filteredOn(r -> !r.status().equals(CheckResult.PASS))
                        .extracting(r -> r.check().name(), CheckResult::status)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("btc_mempool_tx__matches_ods", "fail"));
                assertThat(webhook.received()).hasSize(2); // a 502, then the retry that was accepted
                assertThat(webhook.accepted()).hasSize(1);
                JsonNode alert = new ObjectMapper().readTree(webhook.accepted().get(0).body());
                assertThat(alert.get("alert_id").asText())
                        .isEqualTo("quality_check/" + runId + "/dwd/btc_mempool_tx__matches_ods");
                assertThat(alert.get("kind").asText()).isEqualTo("quality_check");
                assertThat(alert.get("text").asText()).startsWith(
                        "Data-quality check dwd/btc_mempool_tx__matches_ods failed in " + runId + ": 1 violations");
                JsonNode fields = alert.get("fields");
                assertThat(fields.get("table_name").asText()).isEqualTo("dwd.btc_mempool_tx");
                assertThat(fields.get("severity").asText()).isEqualTo("error");
                assertThat(fields.get("violation_count").asLong()).isEqualTo(1);
                assertThat(fields.get("sample_rows").asText()).contains(TXID);
            }
        }
    }
}
