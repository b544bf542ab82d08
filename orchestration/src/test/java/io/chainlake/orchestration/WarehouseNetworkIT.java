package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.orchestration.synthetic.BlockFileWriter;
import io.chainlake.orchestration.synthetic.SyntheticBlock;
import io.chainlake.orchestration.synthetic.SyntheticChain;
import io.chainlake.orchestration.synthetic.SyntheticChainConfig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks loaded as one network and built or checked as another (the configured network, default main) would give
 * reports labelled with the wrong network and fail every address check: load-blocks says what the warehouse needs,
 * and build, quality run and stream stop before their first job, naming the fix.
 */
class WarehouseNetworkIT {

    @TempDir
    Path dir;

    @Test
    void regtestBlocksAreNotBuiltOrCheckedAsMain() throws Exception {
        Path blocks = dir.resolve("regtest.blk");
        try (OutputStream out = Files.newOutputStream(blocks);
                BlockFileWriter writer = new BlockFileWriter(out, BlockFileWriter.REGTEST_MAGIC)) {
            for (SyntheticBlock b : new SyntheticChain(SyntheticChainConfig.of(3, 1, 7L)).stream().toList()) {
                writer.write(b.raw());
            }
        }
        String warehouse = dir.resolve("warehouse").toString();

        CliRun load = CliRun.of("--warehouse", warehouse, "load-blocks", "--network", "regtest", blocks.toString())
                .assertOk();
        assertThat(load.out()).contains("loaded 3 new blocks");
        assertThat(load.err()).contains("need --set network=regtest (the configured network is main)");

        String fix = "were loaded as regtest but this command runs with network=main: add --set network=regtest";
        CliRun build = CliRun.of("--warehouse", warehouse, "build");
        assertThat(build.exitCode()).isNotZero();
        assertThat(build.err()).contains(fix).doesNotContain("dwd:");
        CliRun quality = CliRun.of("--warehouse", warehouse, "quality", "run", "--layer", "ods");
        assertThat(quality.exitCode()).isNotZero();
        assertThat(quality.err()).contains(fix);
        // refused before it looks for a broker: none answers at this address
        CliRun stream = CliRun.of("--warehouse", warehouse, "stream", "--bootstrap-servers", "127.0.0.1:9",
                "--until-idle", "1");
        assertThat(stream.exitCode()).isNotZero();
        assertThat(stream.err()).contains(fix).doesNotContain("no Kafka broker answers");

        CliRun checked = CliRun.of("--warehouse", warehouse, "--set", "network=regtest", "quality", "run",
                "--layer", "ods");
        assertThat(checked.exitCode()).as(checked.err()).isZero();
    }
}
