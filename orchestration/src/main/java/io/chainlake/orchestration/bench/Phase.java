package io.chainlake.orchestration.bench;

/**
 * One measured step of a benchmark run.
 *
 * @param name          what ran, e.g. {@code parse-only}
 * @param seconds       wall-clock time
 * @param peakHeapBytes highest heap use sampled while it ran
 * @param cpuSeconds    CPU time the whole process used in this step, all threads: above {@code seconds} when
 *                      it kept more than one core busy
 * @param gcSeconds     time the JVM's collectors report spending in this step
 * @param jitSeconds    CPU time of the JIT compiler threads in this step (NaN where unknown), part of
 *                      {@code cpuSeconds}: Flink's generated code is compiled again for every job, so a short
 *                      step can spend much of its CPU compiling
 * @param loadAverage   the machine's one-minute load average when it ended (NaN where unknown): other work on
 *                      the machine slows every figure
 */
public record Phase(
        String name, double seconds, double cpuSeconds, long peakHeapBytes, double gcSeconds, double jitSeconds,
        double loadAverage) {
}
