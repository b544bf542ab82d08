package io.chainlake.orchestration.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Samples in the formats of Linux's proc(5) man page. */
class MachineTest {

    @Test
    void readsTheCpuModelFromCpuinfo() {
        String cpuinfo = """
                processor\t: 0
                vendor_id\t: GenuineIntel
                model name\t: Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz
                processor\t: 1
                model name\t: Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz
                """;

        assertThat(Machine.cpuModel(cpuinfo)).contains("Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz");
        assertThat(Machine.cpuModel("processor\t: 0\n")).isEmpty();
    }

    @Test
    void readsKilobyteValuesFromMeminfoAndStatus() {
        String meminfo = "MemTotal:       24567012 kB\nMemFree:        20000000 kB\n";
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t 1234567 kB\n";

        assertThat(Machine.kilobytes(meminfo, "MemTotal")).hasValue(24_567_012L);
        assertThat(Machine.kilobytes(status, "VmHWM")).hasValue(1_234_567L);
        assertThat(Machine.kilobytes(status, "MemTotal")).isEmpty();
    }

    @Test
    void countsTheCpuTicksOfJitCompilerThreadsOnly() {
        // proc(5) stat lines of two threads of one JVM: utime and stime are fields 14 and 15
        String compiler = "4321 (C2 CompilerThre) S 4300 4300 4300 0 -1 1077936192 5000 0 0 0 1234 56 0 0 20 0 40 0 "
                + "745538 3133440 382 18446744073709551615";
        String task = "4322 (Join[123] -> C) R 4300 4300 4300 0 -1 1077936192 5000 0 0 0 777 11 0 0 20 0 40 0 "
                + "745538 3133440 382 18446744073709551615";

        assertThat(Machine.compilerThreadTicks(compiler)).isEqualTo(1234 + 56);
        assertThat(Machine.compilerThreadTicks(compiler.replace("C2 CompilerThre", "C1 CompilerThre")))
                .isEqualTo(1234 + 56);
        assertThat(Machine.compilerThreadTicks(task)).isZero();
        assertThat(Machine.compilerThreadTicks("")).isZero();
        assertThat(Machine.jitCpuSeconds()).isNotNegative(); // this JVM's compiler threads, on Linux
    }

    @Test
    void readsTheLoadAveragesFromLoadavg() {
        String loadavg = "3.12 4.66 4.30 3/612 12345\n";

        assertThat(Machine.loadAverages(loadavg)).isEqualTo("3.12 4.66 4.30");
        assertThat(Machine.oneMinuteLoad(loadavg)).isEqualTo(3.12);
        assertThat(Machine.oneMinuteLoad("")).isNaN();
    }
}
