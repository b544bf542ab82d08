package io.chainlake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void tableReferencesInCommentsDoNotCount() {
        // the job file of dwd.btc_block_chain names its Java class io.chainlake.dwd.chain.ChainIndexer in a comment
        SqlScript script = SqlScript.of("jobs/x.sql", """
                -- Written by io.chainlake.dwd.chain.ChainIndexer; reads ods.btc_block_raw
                INSERT INTO dws.x
                SELECT '--not a comment' AS note, t.txid -- from dwd.btc_output
                FROM dwd.btc_tx AS t
                """, Map.of());

        assertThat(script.withoutComments()).doesNotContain("ChainIndexer").doesNotContain("dwd.btc_output")
                .contains("'--not a comment' AS note");
        assertThat(LayerBuilder.tableReferences(script))
                .containsExactly("dws.x", "dwd.btc_tx");
    }
}
