package io.chainlake.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseMeterTest {

    @Test
    void measuresTheStepsCpuTimeHeapPeakAndTheLoadWhenItEnded() throws Exception {
        Iterator<Long> heapUsed = List.of(500L, 100L, 100L, 300L, 200L).iterator();
        HeapSampler heap = new HeapSampler(heapUsed::next);
        heap.sample(); // 500, before the step: not its peak
        Iterator<Double> cpu = List.of(10.0, 13.5).iterator();
        PhaseMeter meter = new PhaseMeter(heap, () -> 2.5, cpu::next);

        PhaseMeter.Timed<String> timed = meter.measure("step", () -> {
            heap.sample(); // 300
            return "done";
        });

        assertThat(timed.value()).isEqualTo("done");
        Phase phase = timed.phase();
        assertThat(phase.name()).isEqualTo("step");
        assertThat(phase.cpuSeconds()).isEqualTo(3.5);
        assertThat(phase.peakHeapBytes()).isEqualTo(300);
        assertThat(phase.loadAverage()).isEqualTo(2.5);
        assertThat(phase.seconds()).isPositive();
        assertThat(phase.gcSeconds()).isNotNegative();
        assertThat(phase.jitSeconds()).isNotNegative(); // /proc/self/task on Linux
    }
}
