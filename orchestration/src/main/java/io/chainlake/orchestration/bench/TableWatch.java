package io.chainlake.orchestration.bench;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.table.DataTable;
import org.apache.paimon.table.Table;
import org.apache.paimon.table.source.ReadBuilder;

/**
 * What a bench derives from a Paimon table the stream writes, read again only when the table has a new snapshot.
 * The benches poll every 100 ms from the stream's own process: reading the whole table each time took a full core
 * of the two (measured with {@code top -H} during a latency step), which the stream then did not have.
 *
 * @param <T> what is derived from the table's rows
 */
final class TableWatch<T> {

    private final Table table;
    private final Function<Table, T> derive;
    private Long seenSnapshot;
    private T value;

    private TableWatch(Table table, Function<Table, T> derive) {
        this.table = table;
        this.derive = derive;
    }

    /** Watches {@code layer.table}; {@code derive} reads it (see {@link #readColumns}). */
    static <T> TableWatch<T> of(Catalog catalog, String name, Function<Table, T> derive) throws Exception {
        return new TableWatch<>(catalog.getTable(Identifier.fromString(name)), derive);
    }

    /** The value derived from the table's newest snapshot; derived again only when that snapshot changed. */
    T current() {
        Long latest = ((DataTable) table).snapshotManager().latestSnapshotId();
        if (value == null || latest == null || !latest.equals(seenSnapshot)) {
            value = derive.apply(table);
            seenSnapshot = latest;
        }
        return value;
    }

    /** Streams the named columns of every row of the table's newest snapshot into {@code rows}. */
    static void readColumns(Table table, List<String> columns, Consumer<InternalRow> rows) {
        int[] projection = columns.stream().mapToInt(c -> table.rowType().getFieldIndex(c)).toArray();
        ReadBuilder read = table.newReadBuilder().withProjection(projection);
        try (RecordReader<InternalRow> reader = read.newRead().createReader(read.newScan().plan())) {
            reader.forEachRemaining(rows::accept);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + table.name() + ": " + e.getMessage(), e);
        }
    }
}
