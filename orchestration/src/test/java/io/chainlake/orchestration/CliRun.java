package io.chainlake.orchestration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real CLI in-process and captures what a user would see on stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

    public static synchronized CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = ChainlakeCli.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The CLI on {@code warehouse} at parallelism 1, btcpool's MySQL tables in {@code poolDatabase}. */
    public static CliRun onPoolWarehouse(String warehouse, String poolDatabase, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] {"--warehouse", warehouse, "--set", "mysql.pool-database=" + poolDatabase,
                "--set", "parallelism=1"}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        return of(all);
    }

    /** This run, after asserting it exited 0 (its stderr as the failure's message). */
    public CliRun assertOk() {
        org.assertj.core.api.Assertions.assertThat(exitCode).as(err).isZero();
        return this;
    }

    /** CSV rows of a query's output, header first. */
    public java.util.List<String> lines() {
        return out.lines().toList();
    }
}
