package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlScript;
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

    @Test
    void theBundledRecomputeCheckFileLoads() {
        String name = "btc_block_stats__matches_job";
        Check check = CheckCatalog.load(Layer.DWS, name,
                SqlScript.load("checks/dws/" + name + ".sql", PLACEHOLDERS).text(), PLACEHOLDERS);
        assertThat(check.recompute()).isTrue();
        assertThat(check.sql()).contains("FROM dws.btc_block_stats AS t").contains("THEN 'pool_name'");
    }

    @Test
    void exceptedColumnsAreNotCompared() {
        Check check = CheckCatalog.load(Layer.DWS, "btc_block_stats__matches_job",
                RECOMPUTE + "-- except: pool_name, time\n", PLACEHOLDERS);
        assertThat(check.sql()).doesNotContain("THEN 'pool_name'").doesNotContain("THEN 'time'")
                .contains("THEN 'pool_id'");
    }

    @Test
    void exceptOfAColumnTheTableDoesNotHaveIsAnErrorNamingFileAndColumns() {
        assertThatThrownBy(() -> CheckCatalog.load(Layer.DWS, "btc_block_stats__matches_job",
                RECOMPUTE + "-- except: pool_name, pool, fee_total\n", PLACEHOLDERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("check dws/btc_block_stats__matches_job.sql: '-- except:' names columns"
                        + " dws.btc_block_stats does not have: pool, fee_total");
    }

    @Test
    void recomputeCheckWithAQueryOfItsOwnIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> CheckCatalog.load(Layer.DWS, "btc_block_stats__matches_job",
                RECOMPUTE + "SELECT height FROM dws.btc_block_stats WHERE txs < 1 -- no block is empty\n",
                PLACEHOLDERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("check dws/btc_block_stats__matches_job.sql: a '-- recompute: job' check has no query"
                        + " of its own");
    }

    @Test
    void keyCheckIsGeneratedFromTheKeyOfTheTablesDdl() {
        Check check = CheckCatalog.load(Layer.DWD, "btc_input__primary_key",
                SqlScript.load("checks/dwd/btc_input__primary_key.sql", PLACEHOLDERS).text(), PLACEHOLDERS);
        // dwd/tables/btc_input.sql: PRIMARY KEY (txid, block_hash, vin_index)
        assertThat(check.uniqueKey()).containsExactly("txid", "block_hash", "vin_index");
        assertThat(check.sql()).isEqualTo("SELECT `txid`, `block_hash`, `vin_index`, COUNT(*) AS row_count"
                + " FROM dwd.btc_input GROUP BY `txid`, `block_hash`, `vin_index` HAVING COUNT(*) > 1"
                + " OR `txid` IS NULL OR `block_hash` IS NULL OR `vin_index` IS NULL");
        assertThat(check.description()).startsWith("the primary key (txid, block_hash, vin_index) is unique");
        assertThat(check.severity()).isEqualTo("error");
    }

    @Test
    void keyCheckWithAQueryOfItsOwnIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> CheckCatalog.load(Layer.DWD, "btc_input__primary_key",
                "-- unique: primary key\n-- severity: error\nSELECT txid FROM dwd.btc_input\n", PLACEHOLDERS))
                .hasMessage("check dwd/btc_input__primary_key.sql: a '-- unique: primary key' check has no query"
                        + " of its own");
    }

    @Test
    void exceptOnACheckWithItsOwnQueryIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> CheckCatalog.load(Layer.DWS, "btc_block_stats__no_empty_block",
                "-- description: no main-chain block without transactions\n-- severity: error\n-- except: txs\n"
                        + "SELECT height FROM dws.btc_block_stats WHERE txs < 1\n", PLACEHOLDERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("check dws/btc_block_stats__no_empty_block.sql: '-- except:' belongs to a"
                        + " '-- recompute: job' check");
    }
}
