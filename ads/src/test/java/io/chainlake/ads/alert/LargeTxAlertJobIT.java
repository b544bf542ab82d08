package io.chainlake.ads.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.TestWarehouse;
import io.chainlake.catalog.WarehouseSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert job as {@code stream} runs it: a Paimon streaming read of ads.large_tx_alert, the webhook, the
 * delivery log ads.alert_sent; a second, fresh start (no checkpoint) announces nothing again.
 */
class LargeTxAlertJobIT {

    private static final String PAYMENT = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
    /** A made-up txid: the job announces rows, it does not check them against the chain. */
    private static final String SECOND = "11".repeat(32);

    @TempDir
    Path dir;

    @Test
    void eachRowIsAnnouncedOnceAcrossAFreshRestart() throws Exception {
        try (WebhookServer webhook = WebhookServer.accepting()) {
            ChainlakeConfig config = TestWarehouse.config(dir)
                    .with(ChainlakeConfig.ALERT_WEBHOOK_URL, webhook.url().toString())
                    .with(ChainlakeConfig.PARALLELISM, "1");
            insert(config, PAYMENT);
            try (WarehouseSession stream = streaming(config)) {
                JobClient job = start(stream);
                awaitTrue(() -> sentIds(stream) == 1, Duration.ofSeconds(90)); // committed with a checkpoint
                job.cancel().get();
            }
            assertThat(webhook.accepted()).extracting(WebhookServer.Received::idempotencyKey)
                    .containsExactly("large_tx/" + PAYMENT + "/unconfirmed");

            // a fresh start reads the whole table again: only the new row is announced
            insert(config, SECOND);
            try (WarehouseSession stream = streaming(config)) {
                JobClient job = start(stream);
                awaitTrue(() -> sentIds(stream) == 2, Duration.ofSeconds(90));
                job.cancel().get();
            }
            assertThat(webhook.received()).extracting(WebhookServer.Received::idempotencyKey).containsExactly(
                    "large_tx/" + PAYMENT + "/unconfirmed", "large_tx/" + SECOND + "/unconfirmed");
        }
    }

    /** An unconfirmed 50 BTC row for {@code txid}, as the batch build would write it. */
    private static void insert(ChainlakeConfig config, String txid) throws Exception {
        try (WarehouseSession batch = WarehouseSession.batch(config)) {
            batch.createTables(Layer.ADS);
            batch.execute("INSERT INTO ads.large_tx_alert VALUES ('" + txid + "', 'unconfirmed', "
                    + "TIMESTAMP '2009-01-12 03:21:07', CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS INT), "
                    + "CAST(NULL AS STRING), 5000000000, 50.00000000, CAST(NULL AS BIGINT), "
                    + "ARRAY['1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3', '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S'])").await();
        }
    }

    private static WarehouseSession streaming(ChainlakeConfig config) {
        Configuration checkpoints = new Configuration();
        checkpoints.setString("execution.checkpointing.interval", "1 s");
        return WarehouseSession.streaming(config, checkpoints);
    }

    private static JobClient start(WarehouseSession stream) throws Exception {
        StreamStatementSet set = stream.tableEnv().createStatementSet();
        assertThat(LargeTxAlertJob.attach(stream, set)).isTrue();
        return set.execute().getJobClient().orElseThrow();
    }

    private static int sentIds(WarehouseSession session) {
        try {
            return LargeTxAlertJob.sentAlertIds(session).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
