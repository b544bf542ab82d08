package io.chainlake.ods;

import io.chainlake.catalog.SqlFunctionProvider;
import io.chainlake.ods.function.BlockHeaderFunction;
import io.chainlake.ods.function.ShareProblemFunction;
import java.util.Map;
import org.apache.flink.table.functions.UserDefinedFunction;

/** The ODS layer's SQL functions (used by the streaming ingest from Kafka), found through ServiceLoader. */
public final class OdsFunctions implements SqlFunctionProvider {

    @Override
    public Map<String, Class<? extends UserDefinedFunction>> functions() {
        return Map.of(BlockHeaderFunction.NAME, BlockHeaderFunction.class,
                ShareProblemFunction.NAME, ShareProblemFunction.class);
    }
}
