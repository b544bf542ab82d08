package io.chainlake.ods.load;

import io.chainlake.catalog.WarehouseSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;

/** What ods.btc_block_raw and ods.btc_block_reject hold, read back with Flink SQL for assertions. */
final class OdsTables {

    private OdsTables() {}

    record BlockRow(String hash, String prevHash, Integer heightHint, String heightHintSource, String network,
            String sourceFile, long sourceOffset, String loadId) {}

    record RejectRow(String sourceFile, long sourceOffset, String reason, String blockHash, String network,
            String loadId) {}

    /** Every row of ods.btc_block_raw (duplicates would show as repeated rows) and the raw bytes by hash. */
    record Blocks(List<BlockRow> rows, Map<String, byte[]> rawByHash) {}

    static Blocks blocks(WarehouseSession session) {
        List<BlockRow> rows = new ArrayList<>();
        Map<String, byte[]> raw = new HashMap<>();
        for (Row r : session.query("SELECT block_hash, prev_block_hash, height_hint, height_hint_source, network,"
                + " source_file, source_offset, load_id, raw_block FROM ods.btc_block_raw")) {
            rows.add(new BlockRow(r.getFieldAs(0), r.getFieldAs(1), r.getFieldAs(2), r.getFieldAs(3), r.getFieldAs(4),
                    r.getFieldAs(5), r.<Long>getFieldAs(6), r.getFieldAs(7)));
            raw.put(r.getFieldAs(0), r.getFieldAs(8));
        }
        return new Blocks(rows, raw);
    }

    /** Every row of ods.btc_block_reject; rejected_at must be set on each. */
    static List<RejectRow> rejects(WarehouseSession session) {
        List<RejectRow> rows = new ArrayList<>();
        for (Row r : session.query("SELECT source_file, source_offset, reason, block_hash, network, load_id,"
                + " rejected_at FROM ods.btc_block_reject")) {
            if (r.getField(6) == null) {
                throw new AssertionError("reject row without rejected_at: " + r);
            }
            rows.add(new RejectRow(r.getFieldAs(0), r.<Long>getFieldAs(1), r.getFieldAs(2), r.getFieldAs(3),
                    r.getFieldAs(4), r.getFieldAs(5)));
        }
        return rows;
    }
}
