package io.chainlake.orchestration.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.table.Table;
import org.apache.paimon.table.source.ReadBuilder;
import org.apache.paimon.table.source.StreamTableScan;
import org.apache.paimon.types.RowKind;
import org.apache.paimon.types.RowType;

/**
 * The {@code reject:} lines of a running stream, as {@code load-blocks} and {@code load-shares} print them: the
 * stream's ODS jobs write a Kafka record that does not decode to a reject table, and this follows those tables'
 * new commits (Paimon incremental scan) and names each new reject by topic-partition, Kafka offset and reason.
 * Rejects committed before the stream started are not repeated.
 */
public final class StreamRejects {

    /** How each reject table says where its record was: topic-partition, offset, reason. */
    private static final Map<String, Function<Row, String>> TABLES = Map.of(
            "ods.btc_block_reject",
            r -> r.text("source_file") + " offset " + r.text("source_offset") + ": " + r.text("reason"),
            "ods.pool_share_reject",
            r -> r.text("source_name") + "-" + r.text("source_partition") + " offset " + r.text("source_offset")
                    + ": " + r.text("reason"));

    private final Map<String, Follower> followers = new LinkedHashMap<>();

    /** Follows the reject tables among {@code tables} (those the stream writes) from their current snapshot on. */
    public StreamRejects(Catalog catalog, List<String> tables) throws Catalog.TableNotExistException {
        for (String t : tables) {
            if (TABLES.containsKey(t)) {
                followers.put(t, new Follower(catalog.getTable(Identifier.fromString(t)), TABLES.get(t)));
            }
        }
    }

    /** The rejects committed since the last call, one {@code reject: ...} line each. */
    public List<String> poll() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Follower f : followers.values()) {
            f.poll(lines);
        }
        return lines;
    }

    private static final class Follower {
        private final ReadBuilder read;
        private final StreamTableScan scan;
        private final RowType type;
        private final Function<Row, String> line;

        Follower(Table table, Function<Row, String> line) {
            this.read = table.newReadBuilder();
            this.scan = read.newStreamScan();
            this.type = table.rowType();
            this.line = line;
            // from the next snapshot on: rows already there were reported by whoever wrote them
            table.latestSnapshot().ifPresent(s -> scan.restore(s.id() + 1));
        }

        void poll(List<String> lines) throws Exception {
            try (RecordReader<InternalRow> reader = read.newRead().createReader(scan.plan())) {
                reader.forEachRemaining(row -> {
                    if (row.getRowKind() == RowKind.INSERT || row.getRowKind() == RowKind.UPDATE_AFTER) {
                        lines.add("reject: " + line.apply(new Row(type, row)));
                    }
                });
            }
        }
    }

    /** One row's fields by column name, as text. */
    private record Row(RowType type, InternalRow row) {
        String text(String column) {
            int i = type.getFieldIndex(column);
            Object value = InternalRow.createFieldGetter(type.getTypeAt(i), i).getFieldOrNull(row);
            return String.valueOf(value);
        }
    }
}
