package io.chainlake.orchestration.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * Runs benchmark steps and measures each: wall-clock and process CPU time, peak heap, GC time, the JIT compiler
 * threads' CPU time and the load when it ended.
 */
public final class PhaseMeter {

    /** A step's work. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** A step's result and its measurement. */
    public record Timed<T>(T value, Phase phase) {
    }

    private final HeapSampler heap;
    private final DoubleSupplier loadAverage;
    private final DoubleSupplier processCpuSeconds;

    public PhaseMeter(HeapSampler heap, DoubleSupplier loadAverage, DoubleSupplier processCpuSeconds) {
        this.heap = heap;
        this.loadAverage = loadAverage;
        this.processCpuSeconds = processCpuSeconds;
    }

    public <T> Timed<T> measure(String name, Work<T> work) throws Exception {
        heap.startWindow();
        double gcBefore = gcSeconds();
        double jitBefore = Machine.jitCpuSeconds();
        double cpuBefore = processCpuSeconds.getAsDouble();
        long start = System.nanoTime();
        T value = work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Phase phase = new Phase(name, seconds, processCpuSeconds.getAsDouble() - cpuBefore, heap.windowPeakBytes(),
                gcSeconds() - gcBefore, Machine.jitCpuSeconds() - jitBefore, loadAverage.getAsDouble());
        return new Timed<>(value, phase);
    }

    private static double gcSeconds() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis / 1e3;
    }
}
