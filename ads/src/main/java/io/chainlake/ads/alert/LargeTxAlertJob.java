package io.chainlake.ads.alert;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.WarehouseSession;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.types.Row;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.table.source.ReadBuilder;

/**
 * The streaming job behind the alert webhook: a Paimon streaming read of {@code ads.large_tx_alert} (its lookup
 * changelog gives -U/+U pairs as rows change status), one webhook alert per transaction and status
 * ({@link LargeTxAlertFunction}), and the delivery log {@code ads.alert_sent}, committed with each checkpoint.
 * {@code ./chainlake stream} adds it to its statement set when {@code alert.webhook-url} is set.
 */
public final class LargeTxAlertJob {

    public static final String SOURCE_TABLE = "ads.large_tx_alert";
    public static final String SENT_TABLE = "ads.alert_sent";

    /** Rows of {@code ads.alert_sent} as the alert function emits them. */
    static final TypeInformation<Row> SENT_TYPE = Types.ROW_NAMED(
            new String[] {"txid", "status", "alert_id", "sent_at", "attempts", "http_status"},
            Types.STRING, Types.STRING, Types.STRING, Types.LOCAL_DATE_TIME, Types.INT, Types.INT);

    private static final Schema SENT_SCHEMA = Schema.newBuilder()
            .column("txid", DataTypes.STRING().notNull())
            .column("status", DataTypes.STRING().notNull())
            .column("alert_id", DataTypes.STRING())
            .column("sent_at", DataTypes.TIMESTAMP(3))
            .column("attempts", DataTypes.INT())
            .column("http_status", DataTypes.INT())
            .build();

    private LargeTxAlertJob() {
    }

    /**
     * Adds the alert job to {@code set} of a streaming session when a webhook is configured; returns whether it
     * did (no webhook, no job).
     */
    public static boolean attach(WarehouseSession session, StreamStatementSet set) throws Exception {
        if (session.isBatch()) {
            throw new IllegalStateException("the alert job follows " + SOURCE_TABLE
                    + " as it changes: it needs a streaming session");
        }
        Optional<WebhookSettings> settings = WebhookSettings.from(session.config());
        if (settings.isEmpty()) {
            return false;
        }
        session.createTables(Layer.ADS);
        DataStream<Row> changes = session.tableEnv().toChangelogStream(session.tableEnv().from(SOURCE_TABLE));
        DataStream<Row> sent = alerts(changes, settings.get(), sentAlertIds(session));
        set.add(session.tableEnv().fromDataStream(sent, SENT_SCHEMA).insertInto(SENT_TABLE));
        return true;
    }

    /** Changes of {@code ads.large_tx_alert} in, one {@code ads.alert_sent} row per delivered alert out. */
    static DataStream<Row> alerts(DataStream<Row> changes, WebhookSettings settings, Set<String> alreadySent) {
        return changes
                .keyBy(row -> (String) row.getField("txid"), Types.STRING)
                .process(new LargeTxAlertFunction(settings, alreadySent), SENT_TYPE)
                .name("large-tx-alert-webhook")
                .uid("large-tx-alert-webhook");
    }

    /** Alert ids already in {@code ads.alert_sent}: what an earlier run delivered. */
    static Set<String> sentAlertIds(WarehouseSession session) throws Exception {
        ReadBuilder read = session.paimonCatalog().getTable(Identifier.create("ads", "alert_sent")).newReadBuilder()
                .withProjection(new int[] {0, 1});
        Set<String> ids = new HashSet<>();
        try (RecordReader<InternalRow> reader = read.newRead().createReader(read.newScan().plan())) {
            reader.forEachRemaining(row -> ids.add(
                    LargeTxAlertFunction.alertId(row.getString(0).toString(), row.getString(1).toString())));
        }
        return ids;
    }
}
