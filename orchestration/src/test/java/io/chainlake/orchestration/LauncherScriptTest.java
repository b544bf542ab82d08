package io.chainlake.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.TestWarehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./chainlake} launcher, copied into a scratch checkout whose {@code mvnw} and whose {@code java}
 * (first on the PATH) are stand-ins that log their arguments: when it builds, when a build is a clean one, when it
 * writes the class-data archive again, and what the command finally runs. Maven and the JVM themselves are not under
 * test here (every IT runs the CLI they build).
 */
class LauncherScriptTest {

    private static final String JAR = "orchestration/target/chainlake-orchestration-0.1.0-SNAPSHOT.jar";
    private static final String ARCHIVE = "orchestration/target/chainlake-classes.jsa";

    @TempDir
    Path dir;

    private Path home;
    private Path jdk;
    private Path source;

    @BeforeEach
    void scratchCheckout() throws IOException {
        home = dir.resolve("checkout");
        jdk = dir.resolve("jdk");
        Path launcher = TestWarehouse.mainnetData().getParent().getParent().getParent().resolve("chainlake");
        Files.createDirectories(home);
        Files.copy(launcher, home.resolve("chainlake"));
        executable(home.resolve("chainlake"));
        source = home.resolve("orchestration/src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}\n");
        // a stand-in Maven: logs its goals, writes what a package build leaves, fails when asked to
        script(home.resolve("mvnw"), """
                echo "$*" >> "$LOG_DIR/mvnw.calls"
                if [[ -f "$LOG_DIR/mvnw.fail" ]]; then echo "[ERROR] COMPILATION ERROR: A.java"; exit 1; fi
                mkdir -p orchestration/target
                echo /nowhere.jar > orchestration/target/classpath.txt
                touch %s
                """.formatted(JAR));
        // a stand-in JVM: logs its arguments, writes the archive it is asked for, or fails to
        script(jdk.resolve("bin/java"), """
                echo "$*" >> "$LOG_DIR/java.calls"
                for arg in "$@"; do
                    case "$arg" in
                        -XX:ArchiveClassesAtExit=*)
                            [[ -f "$LOG_DIR/archive.fail" ]] && { echo "Error: cannot dump"; exit 1; }
                            echo archive > "${arg#-XX:ArchiveClassesAtExit=}";;
                    esac
                done
                """);
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.writeString(jdk.resolve("lib/server/libjvm.so"), "jvm 17.0.15");
    }

    @Test
    void buildsOnceThenRunsTheCliWithTheArchive() throws Exception {
        CliRun first = launch("tables");
        first.assertOk();
        assertThat(first.err()).contains("chainlake: building (clean package)")
                .contains("chainlake: writing a class-data archive");
        assertThat(calls("mvnw")).containsExactly("-B -q -DskipTests clean package");
        assertThat(Files.exists(home.resolve(ARCHIVE))).isTrue();
        assertThat(lastCommand()).contains("-XX:SharedArchiveFile=" + home.resolve(ARCHIVE))
                .endsWith("io.chainlake.orchestration.ChainlakeCli tables");

        CliRun second = launch("query", "SELECT 1");
        second.assertOk();
        assertThat(second.err()).isEmpty();
        assertThat(calls("mvnw")).hasSize(1);
        assertThat(archiveWrites()).isEqualTo(1);
        assertThat(lastCommand()).contains("-XX:SharedArchiveFile=").endsWith("ChainlakeCli query SELECT 1");
    }

    @Test
    void aChangedSourceRebuildsAndRewritesTheArchive() throws Exception {
        launch("tables");
        writtenAMinuteAgo(ARCHIVE); // so the rebuilt jar is newer whatever the clock's resolution
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        CliRun run = launch("tables");
        assertThat(run.err()).contains("chainlake: building (package)").contains("writing a class-data archive");
        assertThat(calls("mvnw")).containsExactly("-B -q -DskipTests clean package", "-B -q -DskipTests package");
        assertThat(archiveWrites()).isEqualTo(2);
    }

    @Test
    void aDeletedSourceMakesTheBuildAClean() throws Exception {
        Path other = source.resolveSibling("B.java");
        Files.writeString(other, "class B {}\n");
        launch("tables");
        Files.delete(other); // Maven would leave B.class in target/classes
        launch("tables");
        assertThat(calls("mvnw")).containsExactly("-B -q -DskipTests clean package",
                "-B -q -DskipTests clean package");
    }

    @Test
    void anotherJvmGetsItsOwnArchiveWithoutABuild() throws Exception {
        launch("tables");
        Files.writeString(jdk.resolve("lib/server/libjvm.so"), "jvm 17.0.16, upgraded in place");
        CliRun run = launch("tables");
        assertThat(run.err()).contains("writing a class-data archive").doesNotContain("building");
        assertThat(calls("mvnw")).hasSize(1);
        assertThat(archiveWrites()).isEqualTo(2);
    }

    @Test
    void aJvmThatCannotWriteAnArchiveRunsWithoutOneAndIsNotAskedAgain() throws Exception {
        Files.writeString(dir.resolve("archive.fail"), "");
        CliRun first = launch("tables");
        first.assertOk();
        assertThat(first.err()).contains("chainlake: no class-data archive (going on without it):")
                .contains("Error: cannot dump");
        assertThat(lastCommand()).doesNotContain("SharedArchiveFile").endsWith("ChainlakeCli tables");

        CliRun second = launch("tables");
        assertThat(second.err()).isEmpty();
        assertThat(archiveWrites()).isEqualTo(1);

        Files.delete(dir.resolve("archive.fail"));
        Files.writeString(jdk.resolve("lib/server/libjvm.so"), "jvm 21");
        launch("tables");
        assertThat(lastCommand()).contains("-XX:SharedArchiveFile=");
    }

    @Test
    void aFailedBuildShowsMavensOutputAndStops() throws Exception {
        Files.writeString(dir.resolve("mvnw.fail"), "");
        CliRun run = launch("tables");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("[ERROR] COMPILATION ERROR: A.java").contains("chainlake: build failed");
        assertThat(Files.exists(dir.resolve("java.calls"))).as("the CLI did not run").isFalse();
    }

    @Test
    void javaOptionsComeFromTheEnvironment() throws Exception {
        launch(Map.of("CHAINLAKE_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=1"), "tables");
        assertThat(lastCommand()).startsWith("-Xmx1g -XX:TieredStopAtLevel=1 ");
        launch(Map.of(), "tables");
        assertThat(lastCommand()).startsWith("-Xmx4g ");
    }

    private CliRun launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private CliRun launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("chainlake").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CHAINLAKE_JAVA_OPTS");
        builder.environment().put("PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("LOG_DIR", dir.toString());
        builder.environment().putAll(env);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> calls(String program) throws IOException {
        Path log = dir.resolve(program + ".calls");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** How many times the launcher had the JVM write a class-data archive. */
    private long archiveWrites() throws IOException {
        return calls("java").stream().filter(c -> c.contains("-XX:ArchiveClassesAtExit=")).count();
    }

    /** The arguments of the JVM the launcher ran last: the CLI itself. */
    private String lastCommand() throws IOException {
        List<String> java = calls("java");
        return java.get(java.size() - 1);
    }

    private void writtenAMinuteAgo(String file) throws IOException {
        Files.setLastModifiedTime(home.resolve(file), FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
