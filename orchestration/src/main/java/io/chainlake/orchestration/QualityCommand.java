package io.chainlake.orchestration;

import io.chainlake.catalog.Layer;
import io.chainlake.catalog.WarehouseSession;
import io.chainlake.quality.Check;
import io.chainlake.quality.CheckOccasion;
import io.chainlake.quality.CheckResult;
import io.chainlake.quality.QualityRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "quality", description = "Data-quality checks between layers: run them, or report past runs.",
        subcommands = {QualityCommand.Run.class, QualityCommand.Report.class})
final class QualityCommand {

    @ParentCommand
    ChainlakeCli cli;

    @Command(name = "run", description = "Run checks now; exit 1 when an error-severity check fails or cannot run.")
    static final class Run implements Callable<Integer> {

        @ParentCommand
        QualityCommand parent;

        @Option(names = "--layer", paramLabel = "LAYER", description = "Only this layer's checks: ods | dwd | dws | ads.")
        String layer;

        @Option(names = "--check", paramLabel = "NAME",
                description = "Only this check (file name without .sql); repeat it to run several in one job.")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            try (WarehouseSession session = WarehouseSession.batch(parent.cli.config())) {
                session.createTables(Layer.ODS);
                WarehouseNetwork.requireConfigured(session);
                QualityRunner runner = new QualityRunner(session);
                List<Check> checks = new ArrayList<>();
                for (Layer l : BatchBuild.LAYERS) {
                    if (layer == null || l.database().equals(layer)) {
                        runner.checks(l, CheckOccasion.ON_DEMAND).stream()
                                .filter(c -> names.isEmpty() || names.contains(c.name())).forEach(checks::add);
                    }
                }
                List<String> unmatched = names.stream()
                        .filter(n -> checks.stream().noneMatch(c -> c.name().equals(n))).toList();
                if (checks.isEmpty() || !unmatched.isEmpty()) {
                    throw new IllegalArgumentException("no check matches" + (layer == null ? "" : " --layer " + layer)
                            + (unmatched.isEmpty() ? "" : " --check " + String.join(", ", unmatched)));
                }
                String runId = QualityRunner.newRunId();
                List<CheckResult> results = runner.run(runId, checks);
                QualityReport report = QualityReport.of(runId, results);
                report.print(System.out);
                return report.blocking() ? 1 : 0;
            }
        }
    }

    @Command(name = "report", description = "Summary of a quality run (default: the latest) and an HTML page with the history.")
    static final class Report implements Callable<Integer> {

        @ParentCommand
        QualityCommand parent;

        @Option(names = "--run", paramLabel = "ID", description = "Run id (default: the latest run).")
        String runId;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report with a chart of past runs.")
        Path html;

        @Override
        public Integer call() throws Exception {
            try (WarehouseSession session = WarehouseSession.batch(parent.cli.config())) {
                QualityHistory history = QualityHistory.read(session);
                String run = runId != null ? runId : history.latestRunId();
                QualityReport report = history.report(run);
                report.print(System.out);
                if (html != null) {
                    Files.writeString(html, report.html(history));
                    System.out.println("report written to " + html.toAbsolutePath());
                }
                return 0;
            }
        }
    }
}
