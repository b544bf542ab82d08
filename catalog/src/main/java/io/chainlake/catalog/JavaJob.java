package io.chainlake.catalog;

import java.util.Set;

/**
 * A table whose content SQL cannot compute (e.g. heights need recursion over the header tree). Its job file says
 * so in a comment; the build runs it before the SQL jobs of its layer. Register implementations in
 * {@code META-INF/services/io.chainlake.catalog.JavaJob}.
 */
public interface JavaJob {

    /** The table it writes, {@code layer.table}. */
    String table();

    /** The tables it reads, {@code layer.table}: a failed check on one of them stops the job ({@code build}). */
    Set<String> inputs();

    /** Recomputes the table from the layer below; reruns give the same rows. Returns rows written. */
    long run(WarehouseSession session) throws Exception;

    /**
     * The streaming form of the job, for {@code ./chainlake stream}: adds to {@code statements} the pipeline that
     * keeps the table current as the layer below changes (same rows as {@link #run} once the input is complete).
     */
    void addStreaming(WarehouseSession session, org.apache.flink.table.api.bridge.java.StreamStatementSet statements);
}
