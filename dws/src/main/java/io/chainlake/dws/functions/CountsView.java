package io.chainlake.dws.functions;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.flink.table.api.dataview.MapView;

/**
 * A {@link MapView} used as a multiset of longs: key to how many times it occurs. Accumulators keep their values this
 * way so that Flink can hold them in state in streaming jobs and a retraction is one decrement.
 */
final class CountsView {

    private CountsView() {
    }

    /** Adds {@code delta} to the count of {@code key}, dropping the key when its count comes back to zero. */
    static void add(MapView<Long, Long> view, long key, long delta) throws Exception {
        Long current = view.get(key);
        long updated = (current == null ? 0 : current) + delta;
        if (updated == 0) {
            view.remove(key);
        } else {
            view.put(key, updated);
        }
    }

    /** Adds every count of {@code other} into {@code view}. */
    static void addAll(MapView<Long, Long> view, MapView<Long, Long> other) throws Exception {
        for (Map.Entry<Long, Long> entry : other.entries()) {
            add(view, entry.getKey(), entry.getValue());
        }
    }

    /** The counts sorted by key. */
    static NavigableMap<Long, Long> sorted(MapView<Long, Long> view) throws Exception {
        NavigableMap<Long, Long> sorted = new TreeMap<>();
        for (Map.Entry<Long, Long> entry : view.entries()) {
            sorted.put(entry.getKey(), entry.getValue());
        }
        return sorted;
    }
}
