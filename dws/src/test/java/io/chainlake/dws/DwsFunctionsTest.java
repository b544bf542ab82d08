package io.chainlake.dws;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.SqlFunctionProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DwsFunctionsTest {

    @Test
    void serviceLoaderFindsTheDwsFunctions() {
        assertThat(ServiceLoader.load(SqlFunctionProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(DwsFunctions.class);
    }

    @Test
    void namesEveryFunction() {
        assertThat(new DwsFunctions().functions()).containsOnlyKeys(
                "truncated_median",
                "feerate_percentiles",
                "block_subsidy",
                "next_work_bits",
                "hashrate_from_difficulty",
                "mining_pool",
                "sat_to_btc",
                "reject_detail",
                "min_by",
                "max_by");
    }
}
