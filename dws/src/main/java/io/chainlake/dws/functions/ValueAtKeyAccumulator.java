package io.chainlake.dws.functions;

import java.util.Map;
import org.apache.flink.table.api.dataview.MapView;

/**
 * The state of {@link MinByFunction} and {@link MaxByFunction}: each ordering key's value and how many live rows
 * carry that key. An update arrives as a retraction and an addition of the same key in either order; the value
 * stays that of the latest addition while the key has live rows, and the key goes when its last row is retracted.
 */
public class ValueAtKeyAccumulator {

    public MapView<Long, Long> values = new MapView<>();
    public MapView<Long, Long> counts = new MapView<>();

    void add(Long value, Long key) throws Exception {
        if (value != null && key != null) {
            values.put(key, value);
            CountsView.add(counts, key, 1);
        }
    }

    void retract(Long value, Long key) throws Exception {
        if (value != null && key != null) {
            CountsView.add(counts, key, -1);
            if (!counts.contains(key)) {
                values.remove(key);
            }
        }
    }

    void merge(Iterable<ValueAtKeyAccumulator> others) throws Exception {
        for (ValueAtKeyAccumulator other : others) {
            for (Map.Entry<Long, Long> entry : other.counts.entries()) {
                values.put(entry.getKey(), other.values.get(entry.getKey()));
                CountsView.add(counts, entry.getKey(), entry.getValue());
                if (!counts.contains(entry.getKey())) {
                    values.remove(entry.getKey());
                }
            }
        }
    }

    /** The value at the lowest key ({@code lowest}) or the highest key; NULL when no row is live. */
    Long valueAtExtremeKey(boolean lowest) throws Exception {
        Long best = null;
        Long bestValue = null;
        for (Map.Entry<Long, Long> entry : values.entries()) {
            long key = entry.getKey();
            if (best == null || (lowest ? key < best : key > best)) {
                best = key;
                bestValue = entry.getValue();
            }
        }
        return bestValue;
    }
}
