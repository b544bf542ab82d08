package io.chainlake.dwd;

import io.chainlake.catalog.SqlFunctionProvider;
import io.chainlake.dwd.function.BitsToDifficultyFunction;
import io.chainlake.dwd.function.CoinbaseTextFunction;
import io.chainlake.dwd.function.CompactSizeLengthFunction;
import io.chainlake.dwd.function.DecodePoolShareFunction;
import io.chainlake.dwd.function.ParseBlockFunction;
import io.chainlake.dwd.function.ParseTxFunction;
import io.chainlake.dwd.function.ScriptAddressFunction;
import io.chainlake.dwd.function.ScriptTypeFunction;
import io.chainlake.dwd.function.ShareStatusClassFunction;
import io.chainlake.dwd.function.ShareStatusNameFunction;
import java.util.Map;
import org.apache.flink.table.functions.UserDefinedFunction;

/** The DWD layer's SQL functions, found by the catalog runtime through {@link java.util.ServiceLoader}. */
public final class DwdFunctions implements SqlFunctionProvider {

    @Override
    public Map<String, Class<? extends UserDefinedFunction>> functions() {
        return Map.of(
                "parse_block", ParseBlockFunction.class,
                ParseTxFunction.NAME, ParseTxFunction.class,
                "script_type", ScriptTypeFunction.class,
                "script_address", ScriptAddressFunction.class,
                "coinbase_text", CoinbaseTextFunction.class,
                "compact_size_length", CompactSizeLengthFunction.class,
                BitsToDifficultyFunction.NAME, BitsToDifficultyFunction.class,
                DecodePoolShareFunction.NAME, DecodePoolShareFunction.class,
                ShareStatusNameFunction.NAME, ShareStatusNameFunction.class,
                ShareStatusClassFunction.NAME, ShareStatusClassFunction.class);
    }
}
