package io.chainlake.orchestration.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import io.chainlake.catalog.SqlScript;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code stream --only}: the naming rule, and that each domain's jobs read only tables of their own domain. */
class StreamDomainTest {

    private static final Pattern TABLE_REF = Pattern.compile("\\b(ods|dwd|dws|ads)\\.[a-z0-9_]+\\b");
    private static final List<Layer> LAYERS = List.of(Layer.ODS, Layer.DWD, Layer.DWS, Layer.ADS);
    private static final Map<String, String> PLACEHOLDERS = ChainlakeConfig.defaultsWith(Map.of()).placeholders();

    @Test
    void poolTablesAreThoseNamedPoolAndEverythingElseIsChain() {
        assertThat(StreamDomain.of("ods.pool_share_raw")).isEqualTo(StreamDomain.POOL);
        assertThat(StreamDomain.of("ads.pool_worker_realtime")).isEqualTo(StreamDomain.POOL);
        assertThat(StreamDomain.of("dws.btc_pool_day")).isEqualTo(StreamDomain.CHAIN);
        assertThat(StreamDomain.of("ads.mining_pool_share_day")).isEqualTo(StreamDomain.CHAIN);
        assertThat(StreamDomain.POOL.topicNames()).containsExactly("pool.share");
        assertThat(StreamDomain.CHAIN.topicNames()).containsExactly("btc.block", "btc.mempool_tx");
    }

    @Test
    void unknownDomainNamesTheValidOnes() {
        assertThat(StreamDomain.fromCliName("Pool")).isEqualTo(StreamDomain.POOL);
        assertThatThrownBy(() -> StreamDomain.fromCliName("mempool"))
                .hasMessage("unknown domain 'mempool'; valid names: chain, pool");
    }

    /** A job of one domain reading a table of the other would find it empty (or never filled) under --only. */
    @Test
    void everyJobAndTheViewsItUsesReadOnlyTheirOwnDomain() {
        for (Layer layer : LAYERS) {
            for (String table : SqlLayout.jobs(layer)) {
                StreamDomain domain = StreamDomain.of(layer.database() + "." + table);
                String job = text(SqlLayout.jobResource(layer, table));
                assertReads(layer.database() + "." + table, job, domain);
                for (String view : SqlLayout.views(layer)) {
                    if (Pattern.compile("\\b" + view + "\\b").matcher(job).find()) {
                        assertReads(layer.database() + "." + table + " through view " + view,
                                text(SqlLayout.viewResource(layer, view)), domain);
                    }
                }
            }
        }
    }

    private static void assertReads(String what, String sql, StreamDomain domain) {
        Matcher m = TABLE_REF.matcher(sql);
        while (m.find()) {
            assertThat(StreamDomain.of(m.group())).as("%s reads %s", what, m.group()).isEqualTo(domain);
        }
    }

    private static String text(String resource) {
        // without comments: they name Java classes (io.chainlake.ods.load...) and tables of the other domain
        return SqlScript.load(resource, PLACEHOLDERS).text().replaceAll("--[^\n]*", "");
    }
}
