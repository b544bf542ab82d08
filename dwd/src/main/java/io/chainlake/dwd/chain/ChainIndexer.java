package io.chainlake.dwd.chain;

import io.chainlake.catalog.JavaJob;
import io.chainlake.catalog.PaimonBatchWriter;
import io.chainlake.catalog.WarehouseSession;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.paimon.data.BinaryString;
import org.apache.paimon.data.Decimal;
import org.apache.paimon.data.GenericRow;
import org.apache.paimon.data.Timestamp;

/**
 * The job of dwd.btc_block_chain. Batch: reads every header in ODS, places it with {@link BlockTree}, overwrites.
 * Streaming: follows ods.btc_block_raw and keeps the table current with {@link ChainIndexFunction}.
 */
public final class ChainIndexer implements JavaJob {

    /** How long a block whose parent has not arrived waits for it before it is placed as a detached segment. */
    public static final long HOLD_MILLIS = 5_000;
    private static final int MAX_HELD = 10_000;
    private static final long PLACE_EVERY_MILLIS = 200;

    @Override
    public String table() {
        return "dwd.btc_block_chain";
    }

    @Override
    public Set<String> inputs() {
        return Set.of("ods.btc_block_raw");
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

    @Override
    public void addStreaming(WarehouseSession session, StreamStatementSet statements) {
        StreamTableEnvironment tableEnv = session.tableEnv();
        DataStream<Row> headers = tableEnv.toChangelogStream(tableEnv.sqlQuery(
                        "SELECT block_hash, prev_block_hash, bits, block_time, height_hint, height_hint_source, network "
                                + "FROM ods.btc_block_raw"))
                .filter(r -> r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER)
                .name("new block headers");
        DataStream<Row> positions = headers
                .keyBy(r -> r.<String>getFieldAs(6), Types.STRING)
                .process(new ChainIndexFunction(HOLD_MILLIS, MAX_HELD, PLACE_EVERY_MILLIS))
                .returns(Types.ROW_NAMED(
                        new String[] {"block_hash", "block_height", "height_source", "segment_root_hash",
                            "chain_work", "median_time", "in_main_chain"},
                        Types.STRING, Types.INT, Types.STRING, Types.STRING, Types.BIG_DEC, Types.LOCAL_DATE_TIME,
                        Types.BOOLEAN))
                .name("chain index")
                .uid("chain-index");
        Table upserts = tableEnv.fromChangelogStream(positions, Schema.newBuilder()
                        .column("block_hash", DataTypes.STRING().notNull())
                        .column("block_height", DataTypes.INT())
                        .column("height_source", DataTypes.STRING())
                        .column("segment_root_hash", DataTypes.STRING())
                        .column("chain_work", DataTypes.DECIMAL(38, 0))
                        .column("median_time", DataTypes.TIMESTAMP(3))
                        .column("in_main_chain", DataTypes.BOOLEAN())
                        .primaryKey("block_hash")
                        .build(),
                ChangelogMode.upsert());
        statements.addInsert(table(), upserts);
    }
}
