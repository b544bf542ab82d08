package io.chainlake.ods.function;

import io.chainlake.ods.pool.ShareEncoding;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL {@code share_problem(encoding STRING, payload BYTES) -> STRING}: why the share codec refuses one message
 * ({@code json} or {@code protobuf}), or NULL when it decodes. The same codec and words as {@code load-shares}, so a
 * message refused from Kafka gets the reason it gets in a share-log file.
 */
public final class ShareProblemFunction extends ScalarFunction {

    public static final String NAME = "share_problem";

    public String eval(String encoding, byte[] payload) {
        if (payload == null) {
            return "empty message";
        }
        return ShareEncoding.fromCliName(encoding).problem(payload);
    }
}
