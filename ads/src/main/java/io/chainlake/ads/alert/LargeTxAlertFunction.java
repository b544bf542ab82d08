package io.chainlake.ads.alert;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Follows the changes of {@code ads.large_tx_alert}, keyed by txid, and sends one webhook alert per transaction
 * and status. What was sent is remembered in keyed state (checkpointed with the source position, so a restart from a
 * checkpoint and a redelivered changelog row are recognised) and, for a fresh start without a checkpoint, in
 * {@code ads.alert_sent}, whose content the job reads when it is built ({@code alreadySent}). Each delivery is
 * emitted as an {@code ads.alert_sent} row.
 *
 * <p>Retractions (-U, -D) announce nothing; a confirmed row without its block hash is not complete yet and waits
 * for its update. An alert the webhook does not accept after the configured retries is reported on stderr and stays
 * unsent, so the transaction's next change or the job's next fresh start tries again: a dead webhook must not stop
 * the warehouse pipeline it runs in.
 */
public class LargeTxAlertFunction extends KeyedProcessFunction<String, Row, Row> {

    public static final String KIND = "large_tx";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

    private final WebhookSettings settings;
    private final Set<String> alreadySent;

    private transient WebhookSender sender;
    private transient MapState<String, Boolean> sentStatuses;

    /** {@code alreadySent}: alert ids ({@link #alertId}) found in {@code ads.alert_sent} when the job was built. */
    public LargeTxAlertFunction(WebhookSettings settings, Set<String> alreadySent) {
        this.settings = settings;
        this.alreadySent = alreadySent;
    }

    public static String alertId(String txid, String status) {
        return KIND + "/" + txid + "/" + status;
    }

    @Override
    public void open(Configuration parameters) {
        sender = new WebhookSender(settings);
        sentStatuses = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("sent-statuses", Types.STRING, Types.BOOLEAN));
    }

    @Override
    public void processElement(Row change, Context ctx, Collector<Row> out) throws Exception {
        if (change.getKind() != RowKind.INSERT && change.getKind() != RowKind.UPDATE_AFTER) {
            return;
        }
        String txid = (String) change.getField("txid");
        String status = (String) change.getField("status");
        if ("confirmed".equals(status) && change.getField("block_hash") == null) {
            return;
        }
        String alertId = alertId(txid, status);
        if (sentStatuses.contains(status) || alreadySent.contains(alertId)) {
            return;
        }
        WebhookSender.Delivery delivery;
        try {
            delivery = sender.send(alertFor(change));
        } catch (WebhookDeliveryException e) {
            System.err.println("alert: " + e.getMessage());
            return;
        }
        sentStatuses.put(status, true);
        out.collect(Row.of(txid, status, alertId, LocalDateTime.now(ZoneOffset.UTC), delivery.attempts(),
                delivery.httpStatus()));
    }

    /** The webhook alert for one row of {@code ads.large_tx_alert}. */
    public static WebhookAlert alertFor(Row row) {
        String txid = (String) row.getField("txid");
        String status = (String) row.getField("status");
        BigDecimal btc = (BigDecimal) row.getField("value_btc");
        LocalDateTime firstSeen = (LocalDateTime) row.getField("first_seen_at");
        LocalDateTime confirmedAt = (LocalDateTime) row.getField("confirmed_at");
        Integer height = (Integer) row.getField("block_height");
        String text = "confirmed".equals(status)
                ? "Large transaction confirmed: " + btc.toPlainString() + " BTC in " + txid + " at height " + height
                : "Large transaction unconfirmed: " + btc.toPlainString() + " BTC in " + txid + ", first seen "
                        + utc(firstSeen);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("txid", txid);
        fields.put("status", status);
        fields.put("value_btc", btc.toPlainString());
        fields.put("value_sat", row.getField("value_sat"));
        fields.put("fee_sat", row.getField("fee_sat"));
        fields.put("first_seen_at", utc(firstSeen));
        fields.put("confirmed_at", utc(confirmedAt));
        fields.put("block_height", height);
        fields.put("block_hash", row.getField("block_hash"));
        String[] receivers = (String[]) row.getField("receiver_addresses");
        fields.put("receiver_addresses", receivers == null ? List.of() : Arrays.asList(receivers));
        return new WebhookAlert(alertId(txid, status), KIND, text, fields);
    }

    private static String utc(LocalDateTime time) {
        return time == null ? null : UTC.format(time.toInstant(ZoneOffset.UTC));
    }
}
