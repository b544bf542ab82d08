package io.chainlake.ads;

import io.chainlake.ads.functions.IntRangeFunction;
import io.chainlake.catalog.SqlFunctionProvider;
import java.util.Map;
import org.apache.flink.table.functions.UserDefinedFunction;

/** The ADS layer's SQL functions, found by the catalog runtime through {@link java.util.ServiceLoader}. */
public final class AdsFunctions implements SqlFunctionProvider {

    @Override
    public Map<String, Class<? extends UserDefinedFunction>> functions() {
        return Map.of(IntRangeFunction.NAME, IntRangeFunction.class);
    }
}
