package io.chainlake.dws.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Bitcoin Core's {@code CalculateTruncatedMedian} (src/rpc/blockchain.cpp), the median behind getblockstats'
 * {@code medianfee} and {@code mediantxsize}: sort; an odd count takes the middle value; an even count takes
 * {@code (a + b) / 2} of the two middle values with integer division (truncated toward zero, as C++ and Java both
 * divide); no values gives 0.
 */
public final class TruncatedMedian {

    private TruncatedMedian() {
    }

    /** The truncated median of {@code values}; 0 when there are none. */
    public static long of(Collection<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int size = sorted.size();
        if (size == 0) {
            return 0;
        }
        if (size % 2 == 0) {
            return (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
        }
        return sorted.get(size / 2);
    }

    /**
     * The truncated median of the multiset in which each key of {@code counts} occurs as often as its value; keys
     * with a count of zero or less do not occur. Same result as {@link #of} over the expanded values, without
     * expanding them.
     */
    public static long ofCounts(NavigableMap<Long, Long> counts) {
        long size = 0;
        for (long count : counts.values()) {
            size += Math.max(count, 0);
        }
        if (size == 0) {
            return 0;
        }
        if (size % 2 == 0) {
            return (valueAt(counts, size / 2 - 1) + valueAt(counts, size / 2)) / 2;
        }
        return valueAt(counts, size / 2);
    }

    /** The value at zero-based position {@code index} of the sorted expanded multiset. */
    private static long valueAt(NavigableMap<Long, Long> counts, long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            seen += Math.max(entry.getValue(), 0);
            if (index < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("index " + index + " is past the " + seen + " values counted");
    }
}
