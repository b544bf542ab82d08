package io.chainlake.dws.functions;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.api.dataview.MapView;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * SQL {@code reject_detail(status_name STRING, share_diff BIGINT) -> STRING}: btcpool's {@code reject_detail}, the
 * share difficulty of the group summed per reject reason, as a JSON object with the reasons in alphabetical order
 * ({@code {"DUPLICATE_SHARE":16384,"LOW_DIFFICULTY":8192}}), so batch and streaming write the same text; {@code {}}
 * when nothing was rejected. Rows with a NULL name or difficulty are not rejects and are skipped. Supports
 * retraction and merging, so it runs in batch and streaming jobs alike.
 */
@FunctionHint(input = {@DataTypeHint("STRING"), @DataTypeHint("BIGINT")}, output = @DataTypeHint("STRING"))
public final class RejectDetailFunction extends AggregateFunction<String, RejectDetailFunction.Accumulator> {

    public static final String NAME = "reject_detail";

    /** Per reason: the difficulty sum and the share count (a reason leaves the object when its count is 0). */
    public static class Accumulator {
        public MapView<String, Long> diffs = new MapView<>();
        public MapView<String, Long> counts = new MapView<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator accumulator, String reason, Long diff) throws Exception {
        if (reason != null && diff != null) {
            add(accumulator, reason, diff, 1);
        }
    }

    public void retract(Accumulator accumulator, String reason, Long diff) throws Exception {
        if (reason != null && diff != null) {
            add(accumulator, reason, -diff, -1);
        }
    }

    public void merge(Accumulator accumulator, Iterable<Accumulator> others) throws Exception {
        for (Accumulator other : others) {
            for (Map.Entry<String, Long> e : other.counts.entries()) {
                add(accumulator, e.getKey(), other.diffs.get(e.getKey()), e.getValue());
            }
        }
    }

    private static void add(Accumulator accumulator, String reason, long diff, long count) throws Exception {
        Long current = accumulator.counts.get(reason);
        long updated = (current == null ? 0 : current) + count;
        if (updated == 0) {
            accumulator.counts.remove(reason);
            accumulator.diffs.remove(reason);
            return;
        }
        Long sum = accumulator.diffs.get(reason);
        accumulator.counts.put(reason, updated);
        accumulator.diffs.put(reason, (sum == null ? 0 : sum) + diff);
    }

    @Override
    public String getValue(Accumulator accumulator) {
        try {
            TreeMap<String, Long> sorted = new TreeMap<>();
            for (Map.Entry<String, Long> e : accumulator.diffs.entries()) {
                sorted.put(e.getKey(), e.getValue());
            }
            StringBuilder json = new StringBuilder("{");
            sorted.forEach((reason, diff) -> json.append(json.length() > 1 ? "," : "")
                    .append('"').append(reason.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(diff));
            return json.append('}').toString();
        } catch (Exception e) {
            throw new IllegalStateException(NAME + ": cannot read the accumulated reasons", e);
        }
    }
}
