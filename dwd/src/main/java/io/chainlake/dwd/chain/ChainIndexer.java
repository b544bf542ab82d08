package io.chainlake.dwd.chain;

import io.chainlake.catalog.JavaJob;
import io.chainlake.catalog.PaimonBatchWriter;
import io.chainlake.catalog.WarehouseSession;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.Row;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.Decimal;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.Timestamp;

/** Batch job for dwd.btc_block_chain: reads every header in ODS, places it with {@link BlockTree}, overwrites. */
public final class ChainIndexer implements JavaJob {

    @Override
    public String table() {
        return "dwd.btc_block_chain";
    }

    @Override
    public long run(WarehouseSession session) throws Exception {
        List<BlockHeaderLink> headers = new ArrayList<>();
        for (Row r : session.query("SELECT block_hash, prev_block_hash, bits, block_time, height_hint, "
                + "height_hint_source FROM ods.btc_block_raw")) {
            LocalDateTime time = r.getFieldAs("block_time");
            headers.add(new BlockHeaderLink(r.getFieldAs("block_hash"), r.getFieldAs("prev_block_hash"),
                    r.<Long>getFieldAs("bits"), time.toEpochSecond(ZoneOffset.UTC), r.getFieldAs("height_hint"),
                    r.getFieldAs("height_hint_source")));
        }
        List<ChainPosition> positions = new BlockTree(headers).positions();
        try (PaimonBatchWriter write = PaimonBatchWriter.overwrite(session, table())) {
            for (ChainPosition p : positions) {
                write.write(GenericRow.of(
                        BinaryString.fromString(p.blockHash()),
                        p.height(),
                        p.heightSource() == null ? null : BinaryString.fromString(p.heightSource()),
                        BinaryString.fromString(p.segmentRootHash()),
                        Decimal.fromBigDecimal(new BigDecimal(p.chainWork()), 38, 0),
                        p.medianTimeSeconds() == null ? null : Timestamp.fromEpochMillis(p.medianTimeSeconds() * 1000),
                        p.inMainChain()));
            }
            write.commit();
        }
        return positions.size();
    }
}
