package io.chainlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.Layer;
import io.chainlake.catalog.SqlLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The check files themselves: names, headers and the tables they read, without running anything. */
class CheckFilesTest {

    private static final Pattern TABLE_REF = Pattern.compile("\\b(ods|dwd|dws|ads|dq)\\.([a-z0-9_]+)\\b");

    @ParameterizedTest
    @EnumSource(value = Layer.class, names = {"ODS", "DWD", "DWS", "ADS"})
    void everyTableHasAKeyCheckAndEveryCheckNamesATableOfItsLayer(Layer layer) {
        List<Check> checks = checks(layer);
        List<String> tables = SqlLayout.tables(layer);
        assertThat(checks).extracting(Check::name)
                .allMatch(name -> name.matches("[a-z0-9_]+__[a-z0-9_]+"))
                .containsAll(tables.stream().map(t -> t + "__primary_key").toList());
        assertThat(checks).extracting(Check::table)
                .allMatch(t -> tables.contains(t.substring(layer.database().length() + 1)));
    }

    @ParameterizedTest
    @EnumSource(value = Layer.class, names = {"ODS", "DWD", "DWS", "ADS"})
    void everyCheckIsOneSelectTheRunnerCanWrap(Layer layer) {
        for (Check check : checks(layer)) {
            String code = check.sql().replaceAll("(?m)--.*$", "");
            assertThat(check.description()).as(check.name()).hasSizeGreaterThan(20);
            assertThat(code.strip()).as(check.name()).startsWith("SELECT").doesNotContain(";");
            assertThat(code).as(check.name() + ": the runner wraps the query, so no ORDER BY or LIMIT")
                    .doesNotContainPattern("(?i)\\bORDER BY\\b(?![^(]*\\))")
                    .doesNotContainPattern("(?i)\\bLIMIT\\b");
            List<String> lines = check.sql().lines().toList();
            assertThat(lines.get(lines.size() - 1).strip()).as(check.name() + " must not end in a comment")
                    .doesNotStartWith("--");
            if (check.metric()) {
                assertThat(code).as(check.name()).contains("AS observed_value");
            }
        }
    }

    /** A layer's checks run right after the layer is built, so they read that layer and the ones below only. */
    @ParameterizedTest
    @EnumSource(value = Layer.class, names = {"ODS", "DWD", "DWS", "ADS"})
    void checksReadTheirLayerAndTheLayersBelow(Layer layer) {
        for (Check check : checks(layer)) {
            List<Layer> read = new ArrayList<>();
            Matcher m = TABLE_REF.matcher(check.sql().replaceAll("(?m)--.*$", ""));
            while (m.find()) {
                read.add(Layer.of(m.group(1)));
                assertThat(SqlLayout.tables(Layer.of(m.group(1)))).as(check.name() + " reads " + m.group())
                        .contains(m.group(2));
            }
            assertThat(read).as(check.name()).contains(layer).allMatch(l -> l.ordinal() <= layer.ordinal());
        }
    }

    /**
     * Issue #6 asks for a test that breaks the data for every check. The key checks are all broken by
     * PrimaryKeyChecksIT; every other check must be named ("layer/name" or "name" in quotes) by a test that asserts
     * it failing: here, or for checks of the CLI's gate (the ODS share message) in the orchestration module.
     */
    @ParameterizedTest
    @EnumSource(value = Layer.class, names = {"ODS", "DWD", "DWS", "ADS"})
    void everyCheckIsBrokenOnPurposeByATest(Layer layer) throws IOException {
        StringBuilder tests = new StringBuilder();
        for (Path root : List.of(Path.of("src/test/java"), Path.of("../orchestration/src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith("IT.java")).toList()) {
                    tests.append(Files.readString(f));
                }
            }
        }
        assertThat(checks(layer).stream().filter(c -> !c.primaryKeyCheck()).map(Check::name)
                .filter(name -> !tests.toString().contains("\"" + layer.database() + "/" + name + "\"")
                        && !tests.toString().contains("\"" + name + "\""))
                .toList()).as("checks no test breaks the data for").isEmpty();
    }

    private static List<Check> checks(Layer layer) {
        return CheckCatalog.forLayer(layer, ChainlakeConfig.defaultsWith(Map.of()).placeholders(),
                CheckOccasion.ON_DEMAND);
    }
}
