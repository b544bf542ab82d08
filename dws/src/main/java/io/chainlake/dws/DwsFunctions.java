package io.chainlake.dws;

import io.chainlake.catalog.SqlFunctionProvider;
import io.chainlake.dws.functions.BlockSubsidyFunction;
import io.chainlake.dws.functions.FeeratePercentilesFunction;
import io.chainlake.dws.functions.HashrateFromDifficultyFunction;
import io.chainlake.dws.functions.MaxByFunction;
import io.chainlake.dws.functions.MinByFunction;
import io.chainlake.dws.functions.MiningPoolFunction;
import io.chainlake.dws.functions.NextWorkBitsFunction;
import io.chainlake.dws.functions.RejectDetailFunction;
import io.chainlake.dws.functions.SatToBtcFunction;
import io.chainlake.dws.functions.TruncatedMedianFunction;
import java.util.Map;
import org.apache.flink.table.functions.UserDefinedFunction;

/** The DWS layer's SQL functions: getblockstats statistics, proof-of-work arithmetic, pool attribution,
 * mining-pool share statistics and the order-independent min_by / max_by. */
public final class DwsFunctions implements SqlFunctionProvider {

    @Override
    public Map<String, Class<? extends UserDefinedFunction>> functions() {
        return Map.of(
                TruncatedMedianFunction.NAME, TruncatedMedianFunction.class,
                FeeratePercentilesFunction.NAME, FeeratePercentilesFunction.class,
                BlockSubsidyFunction.NAME, BlockSubsidyFunction.class,
                NextWorkBitsFunction.NAME, NextWorkBitsFunction.class,
                HashrateFromDifficultyFunction.NAME, HashrateFromDifficultyFunction.class,
                MiningPoolFunction.NAME, MiningPoolFunction.class,
                SatToBtcFunction.NAME, SatToBtcFunction.class,
                RejectDetailFunction.NAME, RejectDetailFunction.class,
                MinByFunction.NAME, MinByFunction.class,
                MaxByFunction.NAME, MaxByFunction.class);
    }
}
