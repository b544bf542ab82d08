package io.chainlake.orchestration.stream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.CatalogContext;
import org.apache.paimon.catalog.CatalogFactory;
import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.InternalArray;
import org.apache.paimon.data.InternalMap;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.options.Options;
import org.apache.paimon.reader.RecordReader;
import org.apache.paimon.table.Table;
import org.apache.paimon.table.source.ReadBuilder;
import org.apache.paimon.types.ArrayType;
import org.apache.paimon.types.DataType;
import org.apache.paimon.types.MapType;
import org.apache.paimon.types.RowType;

/**
 * Reads a warehouse's tables with Paimon's own API, without a Flink job: fast enough to poll while a stream runs
 * and to compare every table of two warehouses. Values become text ({@code byte[]} as hex, arrays and maps element
 * by element) so rows compare by content.
 */
final class WarehouseRows implements AutoCloseable {

    /** Columns that say where and when a row was loaded, not what it means: they differ between batch and stream. */
    static final Set<String> PROVENANCE = Set.of("height_source", "source_file", "source_offset", "load_id",
            "loaded_at", "source_name", "source_partition", "source_topic");

    private final Catalog catalog;

    WarehouseRows(Path warehouse) {
        this.catalog = CatalogFactory.createCatalog(
                CatalogContext.create(new Options(Map.of("warehouse", warehouse.toUri().toString()))));
    }

    List<String> tables(String database) throws Catalog.DatabaseNotExistException {
        return catalog.listTables(database).stream().map(t -> database + "." + t).sorted().toList();
    }

    /**
     * Every row as its {@code column=value} pairs without the provenance columns, sorted; empty when the table is
     * missing.
     */
    List<String> rows(String table) throws Exception {
        return records(table).stream().map(r -> {
            Map<String, String> meaning = new TreeMap<>(r);
            meaning.keySet().removeAll(PROVENANCE);
            return meaning.toString();
        }).sorted().toList();
    }

    /** The rows of {@code table} as maps column → text value, in no particular order. */
    List<Map<String, String>> records(String table) throws Exception {
        Table t;
        try {
            t = catalog.getTable(Identifier.fromString(table));
        } catch (Catalog.TableNotExistException e) {
            return List.of();
        }
        RowType type = t.rowType();
        List<Map<String, String>> out = new ArrayList<>();
        ReadBuilder rb = t.newReadBuilder();
        try (RecordReader<InternalRow> reader = rb.newRead().createReader(rb.newScan().plan())) {
            reader.forEachRemaining(row -> {
                Map<String, String> record = new TreeMap<>();
                for (int i = 0; i < type.getFieldCount(); i++) {
                    Object value = InternalRow.createFieldGetter(type.getTypeAt(i), i).getFieldOrNull(row);
                    record.put(type.getFieldNames().get(i), text(value, type.getTypeAt(i)));
                }
                out.add(record);
            });
        }
        return out;
    }

    private static String text(Object value, DataType type) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (type instanceof ArrayType a) {
            InternalArray array = (InternalArray) value;
            InternalArray.ElementGetter getter = InternalArray.createElementGetter(a.getElementType());
            return IntStream.range(0, array.size())
                    .mapToObj(i -> text(getter.getElementOrNull(array, i), a.getElementType())).toList().toString();
        }
        if (type instanceof MapType m) {
            InternalMap map = (InternalMap) value;
            return text(map.keyArray(), new ArrayType(m.getKeyType())) + "->"
                    + text(map.valueArray(), new ArrayType(m.getValueType()));
        }
        return value.toString();
    }

    @Override
    public void close() throws Exception {
        catalog.close();
    }
}
