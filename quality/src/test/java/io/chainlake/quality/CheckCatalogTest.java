package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading one check file: a malformed file is an error naming it, before anything is generated from it. */
class CheckCatalogTest {

    private static final Map<String, String> PLACEHOLDERS = ChainlakeConfig.defaultsWith(Map.of()).placeholders();
    private static final String RECOMPUTE = """
            -- description: every row of the table is what its job computes from the tables it reads now
            -- severity: error
            -- recompute: job
            """;

    @Test
    void recomputeCheckWithoutTableAndCheckInItsNameIsAnErrorNamingTheFile() {
        for (String name : new String[] {"btc_block_stats_matches_job", "__matches_job", "btc_block_stats__"}) {
            assertThatThrownBy(() -> CheckCatalog.load(Layer.DWS, name, RECOMPUTE, PLACEHOLDERS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("check dws/" + name + ".sql: name must be <table>__<check>");
        }
    }

    @Test
    void recomputeOfSomethingElseThanTheJobIsAnError() {
        assertThatThrownBy(() -> CheckCatalog.load(Layer.DWS, "btc_block_stats__matches_job",
                RECOMPUTE.replace("recompute: job", "recompute: jobs"), PLACEHOLDERS))
                .hasMessage("check dws/btc_block_stats__matches_job.sql: '-- recompute:' must be job, found 'jobs'");
    }

    @Test
    void recomputeCheckComparesItsTableWithItsJob() {
        Check check = CheckCatalog.load(Layer.DWS, "btc_block_stats__matches_job", RECOMPUTE, PLACEHOLDERS);
        assertThat(check.recompute()).isTrue();
        assertThat(check.table()).isEqualTo("dws.btc_block_stats");
        assertThat(check.sql()).startsWith(RECOMPUTE.strip()).contains("FROM dws.btc_block_stats AS t")
                .contains("FROM dwd.btc_tx");
    }
}
