package io.chainlake.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void keepsTheHighestSampleOverallAndSinceTheWindowStarted() {
        Iterator<Long> used = List.of(10L, 70L, 30L, 20L, 25L, 40L, 5L, 15L).iterator();
        HeapSampler sampler = new HeapSampler(used::next);

        sampler.sample(); // 10
        sampler.sample(); // 70
        sampler.sample(); // 30
        sampler.startWindow(); // the window starts at 20, then samples 25
        sampler.sample(); // 40

        assertThat(sampler.windowPeakBytes()).isEqualTo(40); // samples 5 first
        assertThat(sampler.peakBytes()).isEqualTo(70); // samples 15 first
    }

    @Test
    void aWindowForgetsThePeaksBeforeIt() {
        Iterator<Long> used = List.of(900L, 100L, 100L, 100L).iterator();
        HeapSampler sampler = new HeapSampler(used::next);

        sampler.sample();
        sampler.startWindow();

        assertThat(sampler.windowPeakBytes()).isEqualTo(100);
    }

    @Test
    void theStartedSamplerSeesTheRealHeapAndStopsOnClose() {
        HeapSampler sampler = HeapSampler.start(HeapSampler.DEFAULT_INTERVAL);
        try (sampler) {
            assertThat(sampler.peakBytes()).isPositive();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("heap-sampler") && t.isAlive());
    }
}
