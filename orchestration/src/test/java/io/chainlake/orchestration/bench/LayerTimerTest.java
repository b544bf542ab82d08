package io.chainlake.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainlake.catalog.LayerBuilder.JobRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayerTimerTest {

    private long now = 1_000_000_000L;

    @Test
    void aLayerLastsFromItsHeaderToTheNextAndLinesArePassedOn() {
        List<String> out = new ArrayList<>();
        LayerTimer timer = new LayerTimer(out::add, () -> now, Set.of("dwd:", "dws:", "ads:"));
        now += 500_000_000L;
        timer.accept("dwd:");
        now += 3_000_000_000L;
        timer.accept("  dwd.btc_tx      60,150 rows     2.9 s");
        now += 1_000_000_000L;
        timer.accept("dws:");
        now += 2_000_000_000L;
        timer.accept("ads:");
        now += 250_000_000L;
        timer.finish();

        assertThat(timer.seconds()).containsExactly(
                Map.entry(LayerTimer.SETUP, 0.5), Map.entry("dwd", 4.0), Map.entry("dws", 2.0), Map.entry("ads", 0.25));
        assertThat(out).containsExactly("dwd:", "  dwd.btc_tx      60,150 rows     2.9 s", "dws:", "ads:");
    }

    @Test
    void keepsTheJobsAndTheQualityTimesFromTheirProgressLines() {
        List<String> out = new ArrayList<>();
        LayerTimer timer = new LayerTimer(out::add, () -> now, Set.of("dwd:"));
        JobRun input = new JobRun("dwd.btc_input", 2_154_350, 296.54);
        JobRun chain = new JobRun("dwd.btc_block_chain", 150, 0.9);

        timer.accept("dwd:");
        timer.accept(chain.progressLine());
        timer.accept(input.progressLine());
        timer.accept("  quality dwd                    22/23 checks pass    129.8 s");

        timer.accept("  quality dws                    12/12 checks pass (3 on tables not built: not run)     1.5 s");
        timer.accept("  quality ads                    21/21 checks pass, planned during the jobs in 0.8 CPU-s      1.2 s");

        assertThat(timer.jobs()).containsExactly(
                new JobRun("dwd.btc_block_chain", 150, 0.9), new JobRun("dwd.btc_input", 2_154_350, 296.5));
        assertThat(timer.qualitySeconds()).containsExactly(Map.entry("dwd", 129.8), Map.entry("dws", 1.5),
                Map.entry("ads", 1.2));
        assertThat(timer.qualityPlanningCpuSeconds()).containsExactly(Map.entry("ads", 0.8));
        assertThat(out).hasSize(6);
    }

    @Test
    void timesAreAskedForOnlyAfterTheBuildFinished() {
        LayerTimer timer = new LayerTimer(line -> { }, () -> now, Set.of("dwd:"));

        assertThatThrownBy(timer::seconds).isInstanceOf(IllegalStateException.class).hasMessageContaining("finish()");
    }
}
