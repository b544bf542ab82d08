package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which checks run where: the build's gate and the stream's rounds leave the recompute checks to quality run. */
class CheckOccasionTest {

    @ParameterizedTest
    @EnumSource(value = Layer.class, names = {"ODS", "DWD", "DWS", "ADS"})
    void buildGateAndStreamRoundsRunEveryCheckButTheRecomputeChecks(Layer layer) {
        List<Check> all = checks(layer, CheckOccasion.ON_DEMAND);
        List<String> routine = all.stream().filter(c -> !c.onDemandOnly()).map(Check::name).toList();
        assertThat(routine).isNotEmpty();
        assertThat(checks(layer, CheckOccasion.BUILD_GATE)).extracting(Check::name)
                .containsExactlyElementsOf(routine);
        assertThat(checks(layer, CheckOccasion.STREAM_ROUND)).extracting(Check::name)
                .containsExactlyElementsOf(routine);
    }

    @ParameterizedTest
    @EnumSource(value = Layer.class, names = {"DWS", "ADS"})
    void qualityRunIncludesTheRecomputeChecks(Layer layer) {
        List<Check> all = checks(layer, CheckOccasion.ON_DEMAND);
        assertThat(all).filteredOn(Check::recompute).isNotEmpty()
                .allSatisfy(c -> assertThat(c.name()).endsWith("__matches_job"))
                .allSatisfy(c -> assertThat(c.sql()).as(c.name()).contains("FULL OUTER JOIN"));
        assertThat(all).filteredOn(c -> c.name().endsWith("__matches_job")).allMatch(Check::recompute);
    }

    @Test
    void theRecomputeCheckOfBlockStatsRunsOnDemandOnlyAndItsDwdReconciliationEverywhere() {
        for (CheckOccasion occasion : CheckOccasion.values()) {
            assertThat(checks(Layer.DWS, occasion)).extracting(Check::name).as(occasion.name())
                    .contains("btc_block_stats__matches_dwd");
        }
        assertThat(checks(Layer.DWS, CheckOccasion.ON_DEMAND)).extracting(Check::name)
                .contains("btc_block_stats__matches_job");
        assertThat(checks(Layer.DWS, CheckOccasion.BUILD_GATE)).extracting(Check::name)
                .doesNotContain("btc_block_stats__matches_job");
        assertThat(checks(Layer.DWS, CheckOccasion.STREAM_ROUND)).extracting(Check::name)
                .doesNotContain("btc_block_stats__matches_job");
    }

    @Test
    void dwdChecksThatDeriveColumnsAgainRunOnDemandOnly() {
        List<String> derivedAgain = List.of("btc_output__script_decodes", "btc_input__matches_spent_output");
        assertThat(checks(Layer.DWD, CheckOccasion.BUILD_GATE)).extracting(Check::name)
                .doesNotContainAnyElementsOf(derivedAgain).contains("btc_block__matches_tx");
        assertThat(checks(Layer.DWD, CheckOccasion.ON_DEMAND)).extracting(Check::name)
                .containsAll(derivedAgain);
        assertThat(Check.parse(Layer.DWD, "btc_tx__x", "-- severity: warn\n-- description: d\n-- runs: on-demand\n"
                + "SELECT 1").onDemandOnly()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Check.parse(Layer.DWD, "btc_tx__x",
                        "-- severity: warn\n-- description: d\n-- runs: weekly\nSELECT 1"))
                .hasMessageContaining("check dwd/btc_tx__x.sql: '-- runs:' must be always or on-demand");
    }

    private static List<Check> checks(Layer layer, CheckOccasion occasion) {
        return CheckCatalog.forLayer(layer, ChainlakeConfig.defaultsWith(Map.of()).placeholders(), occasion);
    }
}
