package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ./chainlake COMMAND --help} prints the command's usage and exits 0, as a user expects. */
class CliHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"load-blocks", "load-shares", "build", "query", "tables", "demo", "generate-chain",
        "replay", "stream", "status"})
    void helpOfEachCommandIsItsUsage(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: chainlake " + command);
        assertThat(run.err()).doesNotContain("Unknown option").doesNotContain("Missing required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "report"})
    void helpOfQualitySubcommands(String sub) {
        CliRun run = CliRun.of("quality", sub, "-h");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: chainlake quality " + sub);
    }
}
