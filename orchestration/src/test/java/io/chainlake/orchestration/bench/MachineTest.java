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
    void readsTheLoadAveragesFromLoadavg() {
        String loadavg = "3.12 4.66 4.30 3/612 12345\n";

        assertThat(Machine.loadAverages(loadavg)).isEqualTo("3.12 4.66 4.30");
        assertThat(Machine.oneMinuteLoad(loadavg)).isEqualTo(3.12);
        assertThat(Machine.oneMinuteLoad("")).isNaN();
    }
}
