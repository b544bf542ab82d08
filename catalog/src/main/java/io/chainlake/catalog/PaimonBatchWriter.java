package io.chainlake.catalog;

import org.apache.paimon.catalog.Identifier;
import org.apache.paimon.data.InternalRow;
import org.apache.paimon.disk.IOManager;
import org.apache.paimon.table.sink.BatchTableCommit;
import org.apache.paimon.table.sink.BatchTableWrite;
import org.apache.paimon.table.sink.BatchWriteBuilder;

/**
 * Rows written to one table with Paimon's own API and committed as one snapshot, for Java jobs and loaders.
 * Spills and lookup compaction (first-row / lookup changelog tables) use a temp directory.
 */
public final class PaimonBatchWriter implements AutoCloseable {

    private final BatchWriteBuilder builder;
    private final IOManager ioManager;
    private final BatchTableWrite write;

    private PaimonBatchWriter(WarehouseSession session, String table, boolean overwrite) throws Exception {
        String[] parts = table.split("\\.");
        BatchWriteBuilder b = session.paimonCatalog().getTable(Identifier.create(parts[0], parts[1]))
                .newBatchWriteBuilder();
        this.builder = overwrite ? b.withOverwrite() : b;
        this.ioManager = IOManager.create(System.getProperty("java.io.tmpdir"));
        this.write = builder.newWrite();
        this.write.withIOManager(ioManager);
    }

    /** Adds (upserts, by primary key) rows to {@code layer.table}. */
    public static PaimonBatchWriter append(WarehouseSession session, String table) throws Exception {
        return new PaimonBatchWriter(session, table, false);
    }

    /** Replaces the whole content of {@code layer.table} on commit. */
    public static PaimonBatchWriter overwrite(WarehouseSession session, String table) throws Exception {
        return new PaimonBatchWriter(session, table, true);
    }

    public void write(InternalRow row) {
        try {
            write.write(row);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the warehouse: " + e.getMessage(), e);
        }
    }

    public void commit() throws Exception {
        try (BatchTableCommit commit = builder.newCommit()) {
            commit.commit(write.prepareCommit());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            write.close();
        } finally {
            ioManager.close();
        }
    }
}
