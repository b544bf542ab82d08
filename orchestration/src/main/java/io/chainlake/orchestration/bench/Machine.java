package io.chainlake.orchestration.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The machine a benchmark ran on, read from Linux's {@code /proc}; fields are "unknown" (or 0) elsewhere.
 *
 * @param processors  processors this JVM may use (what {@code nproc} counts)
 * @param cpuModel    the first {@code model name} of {@code /proc/cpuinfo}
 * @param memoryBytes {@code MemTotal} of {@code /proc/meminfo}
 * @param jdk         JVM name and runtime version
 */
public record Machine(int processors, String cpuModel, long memoryBytes, String jdk) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path SELF_STATUS = Path.of("/proc/self/status");
    private static final Path SELF_TASKS = Path.of("/proc/self/task");
    /** USER_HZ, the unit of proc(5)'s times: 100 on every Linux architecture Java runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    public static Machine describe() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                read(CPUINFO).flatMap(Machine::cpuModel).orElse("unknown"),
                read(MEMINFO).map(text -> kilobytes(text, "MemTotal")).orElse(OptionalLong.empty()).orElse(0) * 1024,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The 1, 5 and 15 minute load averages as {@code uptime} prints them, e.g. {@code 3.12 4.66 4.30}. */
    public static String loadAverages() {
        return read(LOADAVG).map(Machine::loadAverages).orElse("unknown");
    }

    /** The one-minute load average, NaN where unknown. */
    public static double oneMinuteLoad() {
        return read(LOADAVG).map(Machine::oneMinuteLoad).orElse(Double.NaN);
    }

    /** CPU time this process has used, all threads, in seconds; NaN where the JVM does not say. */
    public static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    /**
     * CPU time the JIT compiler threads of this JVM have used, in seconds, from {@code /proc/self/task/<tid>/stat}
     * (HotSpot names them {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>}); NaN elsewhere. CPU, not
     * the compile time the JVM reports ({@code CompilationMXBean}), which is elapsed time and counts a compiler
     * thread waiting for a core on a busy machine as compiling. A compiler thread that HotSpot stops (it adds and
     * removes them on machines with more cores) takes its time with it, so a step's figure can be low there.
     */
    public static double jitCpuSeconds() {
        try (var tasks = Files.list(SELF_TASKS)) {
            long ticks = tasks.map(task -> read(task.resolve("stat")).orElse(""))
                    .mapToLong(Machine::compilerThreadTicks).sum();
            return ticks / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a task's {@code stat} line when the task is a JIT compiler thread, else 0. */
    static long compilerThreadTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).matches("C[12] CompilerThre.*")) {
            return 0;
        }
        String[] after = stat.substring(close + 2).trim().split(" ");
        // proc(5): after the name come state (3), ..., utime (14) and stime (15)
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    /** This process's peak resident set ({@code VmHWM}), when the system says. */
    public static OptionalLong peakResidentBytes() {
        return read(SELF_STATUS).map(text -> kilobytes(text, "VmHWM")).orElse(OptionalLong.empty()).stream()
                .map(kb -> kb * 1024).findFirst();
    }

    static Optional<String> cpuModel(String cpuinfo) {
        return cpuinfo.lines()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    /** The value of a {@code Key:   1234 kB} line, in kB. */
    static OptionalLong kilobytes(String text, String key) {
        return text.lines()
                .filter(line -> line.startsWith(key + ":"))
                .map(line -> line.substring(key.length() + 1).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong)
                .findFirst();
    }

    static String loadAverages(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    static double oneMinuteLoad(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        try {
            return Double.parseDouble(fields[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
