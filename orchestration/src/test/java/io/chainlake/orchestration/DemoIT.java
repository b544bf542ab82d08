package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo command: fresh warehouse from the bundled blocks, build, summary and an HTML report with charts. */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void demoBuildsTheBundledBlocksAndWritesAChartedReport() throws Exception {
        Path report = dir.resolve("demo-report.html");
        CliRun demo = CliRun.of("--warehouse", dir.resolve("wh").toString(), "demo", "--report", report.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        // data/README.md: 439 + 1 + 10 real mainnet blocks, 2009-01-03 (genesis) to 2019 (block 574200)
        assertThat(demo.out()).contains("loaded 450 real mainnet blocks (0 rejected)")
                .contains("450 main-chain blocks").contains("2009-01-03")
                .contains("pubkeyhash").contains("BTC Guild");
        String html = Files.readString(report);
        assertThat(html).contains("<svg").contains("Blocks per day").contains("Output script-type mix")
                .contains("ads.chain_daily_report");
        // the demo must refuse to wipe a directory that is not a warehouse
        Path notAWarehouse = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(notAWarehouse.resolve("notes.txt"), "keep me");
        CliRun refused = CliRun.of("--warehouse", notAWarehouse.toString(), "demo");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("is not a chainlake warehouse");
        assertThat(notAWarehouse.resolve("notes.txt")).exists();
    }
}
