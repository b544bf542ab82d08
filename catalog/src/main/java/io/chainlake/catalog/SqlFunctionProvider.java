package io.chainlake.catalog;

import java.util.Map;
import org.apache.flink.table.functions.UserDefinedFunction;

/**
 * A layer module's SQL functions, found with {@link java.util.ServiceLoader} so that the runtime registers every
 * function on the classpath without knowing the layers. Register an implementation in
 * {@code META-INF/services/io.chainlake.catalog.SqlFunctionProvider}.
 */
public interface SqlFunctionProvider {

    /** Function name as SQL calls it (lower_snake_case) to its implementation class. */
    Map<String, Class<? extends UserDefinedFunction>> functions();
}
