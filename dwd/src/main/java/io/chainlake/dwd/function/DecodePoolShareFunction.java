package io.chainlake.dwd.function;

import io.chainlake.ods.pool.ShareDecodeException;
import io.chainlake.ods.pool.ShareEncoding;
import io.chainlake.ods.pool.ShareEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code decode_pool_share(encoding STRING, payload BYTES)}: the typed share of one raw message ({@code json} or
 * {@code protobuf}, decoded and validated by the ODS codecs), or no row when the message is refused (the loader has
 * put it in ods.pool_share_reject with the reason). {@code share_time} is btcpool's unix-seconds timestamp as UTC
 * wall-clock time.
 */
@FunctionHint(output = @DataTypeHint(DecodePoolShareFunction.ROW_TYPE))
public class DecodePoolShareFunction extends TableFunction<Row> {

    public static final String NAME = "decode_pool_share";

    /** The SQL type of a result row; column order and names are part of the contract. */
    public static final String ROW_TYPE = "ROW<"
            + "version INT, "
            + "worker_id BIGINT, "
            + "user_id INT, "
            + "status INT, "
            + "share_time TIMESTAMP(3), "
            + "ip STRING, "
            + "job_id BIGINT, "
            + "share_diff BIGINT, "
            + "blk_bits BIGINT, "
            + "height INT, "
            + "nonce BIGINT, "
            + "session_id BIGINT, "
            + "version_mask BIGINT, "
            + "ext_user_id INT, "
            + "bits_reached BIGINT"
            + ">";

    public void eval(String encoding, byte[] payload) {
        if (encoding == null || payload == null) {
            return;
        }
        ShareEvent s;
        try {
            s = ShareEncoding.fromCliName(encoding).decode(payload);
        } catch (ShareDecodeException e) {
            return;
        }
        collect(Row.of(
                s.version(),
                s.workerHashId(),
                s.userId(),
                s.status(),
                LocalDateTime.ofInstant(Instant.ofEpochSecond(s.timestamp()), ZoneOffset.UTC),
                s.ip(),
                s.jobId(),
                s.shareDiff(),
                s.blkBits(),
                (int) s.height(),
                s.nonce(),
                s.sessionId(),
                s.versionMask(),
                s.extUserId(),
                s.bitsReached()));
    }
}
