package io.chainlake.dwd.function;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;
import org.bitcoinj.base.VarInt;

/**
 * {@code compact_size_length(n BIGINT) -> INT}: bytes of Bitcoin's CompactSize encoding of n (1 below 253, 3 up to
 * 0xffff, 5 up to 0xffffffff, else 9), e.g. to add a block's transaction count to the sum of its transactions'
 * stripped sizes. NULL in, NULL out; a negative n is a caller bug and fails the call.
 */
public class CompactSizeLengthFunction extends ScalarFunction {

    public @DataTypeHint("INT") Integer eval(@DataTypeHint("BIGINT") Long n) {
        if (n == null) {
            return null;
        }
        if (n < 0) {
            throw new IllegalArgumentException("compact_size_length: negative count " + n);
        }
        return VarInt.sizeOf(n);
    }
}
