package io.chainlake.dwd.chain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * The streaming chain index: one keyed function (key = network) holding the header tree, placing blocks with the
 * same {@link BlockTree} as the batch {@link ChainIndexer} and emitting an upsert of dwd.btc_block_chain for every
 * block whose position changed — a new block, a held block released, or the blocks a reorg flips.
 *
 * <p>A block whose parent has not arrived is held, not placed: its parent is usually a few messages behind. It is
 * released when the parent arrives, or after {@code holdMillis} as the first block of a detached segment (what the
 * batch index makes of a block whose parent is not in the warehouse). At most {@code maxHeld} blocks are held; the
 * oldest is released early beyond that, so a flood of orphans cannot grow state without bound.
 *
 * <p>Arrivals are coalesced: the tree is placed again at most every {@code placeEveryMillis}, so a burst of blocks
 * (a catch-up, a replay) costs one placement instead of one per block.
 */
public final class ChainIndexFunction extends KeyedProcessFunction<String, Row, Row> {

    private final long holdMillis;
    private final int maxHeld;
    private final long placeEveryMillis;

    private transient MapState<String, Row> headers;
    private transient MapState<String, Long> heldUntil;
    private transient MapState<String, Row> emitted;
    private transient ValueState<Long> placementTimer;

    public ChainIndexFunction(long holdMillis, int maxHeld, long placeEveryMillis) {
        this.holdMillis = holdMillis;
        this.maxHeld = maxHeld;
        this.placeEveryMillis = placeEveryMillis;
    }

    @Override
    public void open(Configuration parameters) {
        headers = getRuntimeContext().getMapState(new MapStateDescriptor<>("headers", Types.STRING,
                Types.ROW(Types.STRING, Types.STRING, Types.LONG, Types.LONG, Types.INT, Types.STRING)));
        heldUntil = getRuntimeContext().getMapState(new MapStateDescriptor<>("held-until", Types.STRING, Types.LONG));
        emitted = getRuntimeContext().getMapState(new MapStateDescriptor<>("emitted", Types.STRING,
                Types.ROW(Types.INT, Types.STRING, Types.STRING, Types.BIG_DEC, Types.LOCAL_DATE_TIME, Types.BOOLEAN)));
        placementTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("placement-timer", Types.LONG));
    }

    /** {@code header}: block_hash, prev_block_hash, bits, block_time, height_hint, height_hint_source. */
    @Override
    public void processElement(Row header, Context ctx, Collector<Row> out) throws Exception {
        String hash = header.getFieldAs(0);
        if (headers.contains(hash)) {
            return; // a redelivery
        }
        LocalDateTime time = header.getFieldAs(3);
        headers.put(hash, Row.of(hash, header.getField(1), header.getField(2), time.toEpochSecond(ZoneOffset.UTC),
                header.getField(4), header.getField(5)));
        String parent = header.getFieldAs(1);
        long now = ctx.timerService().currentProcessingTime();
        if (!BlockHeaderLink.NO_PARENT.equals(parent) && !headers.contains(parent)) {
            heldUntil.put(hash, now + holdMillis);
            ctx.timerService().registerProcessingTimeTimer(now + holdMillis);
            releaseOldestBeyondLimit();
        }
        releaseChildrenOf(hash);
        schedulePlacement(ctx, now);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, Long> e : heldUntil.entries()) {
            if (e.getValue() <= timestamp) {
                expired.add(e.getKey());
            }
        }
        for (String hash : expired) {
            heldUntil.remove(hash);
        }
        Long due = placementTimer.value();
        if (!expired.isEmpty() || (due != null && due <= timestamp)) {
            placementTimer.clear();
            place(out);
        }
    }

    private void releaseChildrenOf(String parent) throws Exception {
        List<String> children = new ArrayList<>();
        for (Map.Entry<String, Long> e : heldUntil.entries()) {
            Row h = headers.get(e.getKey());
            if (parent.equals(h.getField(1))) {
                children.add(e.getKey());
            }
        }
        for (String child : children) {
            heldUntil.remove(child);
        }
    }

    private void releaseOldestBeyondLimit() throws Exception {
        List<Map.Entry<String, Long>> held = new ArrayList<>();
        heldUntil.entries().forEach(held::add);
        if (held.size() <= maxHeld) {
            return;
        }
        held.sort(Map.Entry.comparingByValue());
        for (int i = 0; i < held.size() - maxHeld; i++) {
            heldUntil.remove(held.get(i).getKey());
        }
    }

    private void schedulePlacement(Context ctx, long now) throws Exception {
        if (placementTimer.value() == null) {
            long at = now + placeEveryMillis;
            placementTimer.update(at);
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    /** Places every block not held and emits the positions that differ from what was emitted before. */
    private void place(Collector<Row> out) throws Exception {
        List<BlockHeaderLink> links = new ArrayList<>();
        for (Map.Entry<String, Row> e : headers.entries()) {
            if (!heldUntil.contains(e.getKey())) {
                Row h = e.getValue();
                links.add(new BlockHeaderLink(h.getFieldAs(0), h.getFieldAs(1), h.<Long>getFieldAs(2),
                        h.<Long>getFieldAs(3), h.getFieldAs(4), h.getFieldAs(5)));
            }
        }
        Map<String, Row> changed = new HashMap<>();
        for (ChainPosition p : new BlockTree(links).positions()) {
            Row row = Row.of(p.height(), p.heightSource(), p.segmentRootHash(), new BigDecimal(p.chainWork()),
                    p.medianTimeSeconds() == null ? null
                            : LocalDateTime.ofEpochSecond(p.medianTimeSeconds(), 0, ZoneOffset.UTC),
                    p.inMainChain());
            if (!Objects.equals(emitted.get(p.blockHash()), row)) {
                changed.put(p.blockHash(), row);
            }
        }
        for (Map.Entry<String, Row> e : changed.entrySet()) {
            boolean update = emitted.contains(e.getKey());
            emitted.put(e.getKey(), e.getValue());
            Row r = e.getValue();
            out.collect(Row.ofKind(update ? RowKind.UPDATE_AFTER : RowKind.INSERT, e.getKey(), r.getField(0),
                    r.getField(1), r.getField(2), r.getField(3), r.getField(4), r.getField(5)));
        }
    }
}
