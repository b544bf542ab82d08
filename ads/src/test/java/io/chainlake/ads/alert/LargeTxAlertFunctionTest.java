package io.chainlake.ads.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/** The alert job's dedupe, run in Flink on a changelog of ads.large_tx_alert rows. */
class LargeTxAlertFunctionTest {

    /** Block 170's payment, 50 BTC: first seen unconfirmed, then mined at height 170 (block time from explorers). */
    private static final String PAYMENT = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
    private static final String BLOCK_170 = "00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee";
    private static final LocalDateTime SEEN = LocalDateTime.parse("2009-01-12T03:20:00");
    private static final LocalDateTime MINED = LocalDateTime.parse("2009-01-12T03:30:25");
    private static final String OTHER = "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be";

    private static final TypeInformation<Row> ALERT_ROW = Types.ROW_NAMED(
            new String[] {"txid", "status", "first_seen_at", "confirmed_at", "block_height", "block_hash",
                "value_sat", "value_btc", "fee_sat", "receiver_addresses"},
            Types.STRING, Types.STRING, Types.LOCAL_DATE_TIME, Types.LOCAL_DATE_TIME, Types.INT, Types.STRING,
            Types.LONG, Types.BIG_DEC, Types.LONG, Types.OBJECT_ARRAY(Types.STRING));

    private static Row change(RowKind kind, String txid, boolean confirmed, String blockHash) {
        Row row = Row.withNames(kind);
        row.setField("txid", txid);
        row.setField("status", confirmed ? "confirmed" : "unconfirmed");
        row.setField("first_seen_at", SEEN);
        row.setField("confirmed_at", confirmed ? MINED : null);
        row.setField("block_height", confirmed ? 170 : null);
        row.setField("block_hash", blockHash);
        row.setField("value_sat", 5_000_000_000L);
        row.setField("value_btc", new BigDecimal("50.00000000"));
        row.setField("fee_sat", confirmed ? 0L : null);
        row.setField("receiver_addresses",
                new String[] {"1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S"});
        return row;
    }

    @Test
    void oneAlertPerTransactionAndStatusWhateverIsRedelivered() throws Exception {
        List<Row> changelog = List.of(
                change(RowKind.INSERT, PAYMENT, false, null),
                change(RowKind.INSERT, PAYMENT, false, null), // the same change delivered twice
                change(RowKind.UPDATE_BEFORE, PAYMENT, false, null),
                change(RowKind.UPDATE_AFTER, PAYMENT, true, null), // mined, block not complete yet: wait
                change(RowKind.UPDATE_BEFORE, PAYMENT, true, null),
                change(RowKind.UPDATE_AFTER, PAYMENT, true, BLOCK_170),
                change(RowKind.UPDATE_AFTER, PAYMENT, true, BLOCK_170), // redelivered again
                change(RowKind.INSERT, OTHER, false, null)); // announced by an earlier run (ads.alert_sent)

        List<Row> sent = new ArrayList<>();
        try (WebhookServer server = new WebhookServer(1, 500)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            var alerts = LargeTxAlertJob.alerts(env.fromData(changelog, ALERT_ROW),
                    server.settings(3, Duration.ofMillis(10)),
                    Set.of(LargeTxAlertFunction.alertId(OTHER, "unconfirmed")));
            try (CloseableIterator<Row> rows = alerts.executeAndCollect()) {
                rows.forEachRemaining(sent::add);
            }

            assertThat(server.accepted()).extracting(WebhookServer.Received::idempotencyKey).containsExactly(
                    "large_tx/" + PAYMENT + "/unconfirmed", "large_tx/" + PAYMENT + "/confirmed");
            assertThat(server.received()).hasSize(3); // the first attempt got a 500 and was retried
            var confirmed = new ObjectMapper().readTree(server.accepted().get(1).body());
            assertThat(confirmed.get("text").asText())
                    .isEqualTo("Large transaction confirmed: 50.00000000 BTC in " + PAYMENT + " at height 170");
            assertThat(confirmed.get("fields").get("block_hash").asText()).isEqualTo(BLOCK_170);
            assertThat(confirmed.get("fields").get("confirmed_at").asText()).isEqualTo("2009-01-12T03:30:25Z");
            assertThat(confirmed.get("fields").get("value_sat").asLong()).isEqualTo(5_000_000_000L);
        }
        assertThat(sent).extracting(r -> r.getField("alert_id"), r -> r.getField("attempts"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("large_tx/" + PAYMENT + "/unconfirmed", 2),
                        org.assertj.core.groups.Tuple.tuple("large_tx/" + PAYMENT + "/confirmed", 1));
    }
}
