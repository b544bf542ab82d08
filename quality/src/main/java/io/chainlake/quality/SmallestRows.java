package io.chainlake.quality;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * Aggregates rows (each an array of column strings) to the {@value #LIMIT} smallest of them in lexicographic order,
 * nulls first: a check's sample is picked inside the job, so a check with millions of violating rows sends five to
 * the client, and a rerun over the same data samples the same rows.
 */
public final class SmallestRows extends AggregateFunction<String[][], SmallestRows.Kept> {

    static final int LIMIT = 5;

    private static final Comparator<String> VALUE = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<String[]> ROW = (a, b) -> Arrays.compare(a, b, VALUE);

    /** The rows kept so far, smallest first, at most {@value #LIMIT}. */
    public static final class Kept {
        public String[][] rows = new String[0][];
    }

    @Override
    public Kept createAccumulator() {
        return new Kept();
    }

    @Override
    public String[][] getValue(Kept kept) {
        return kept.rows;
    }

    public void accumulate(Kept kept, String[] row) {
        if (row == null || (kept.rows.length == LIMIT && ROW.compare(row, kept.rows[LIMIT - 1]) >= 0)) {
            return;
        }
        kept.rows = smallest(kept.rows, new String[][] {row});
    }

    public void merge(Kept kept, Iterable<Kept> others) {
        for (Kept other : others) {
            kept.rows = smallest(kept.rows, other.rows);
        }
    }

    private static String[][] smallest(String[][] a, String[][] b) {
        String[][] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all, ROW);
        return Arrays.copyOf(all, Math.min(all.length, LIMIT));
    }
}
