package io.chainlake.orchestration.bench;

import io.chainlake.catalog.LayerBuilder.JobRun;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A {@link BenchResult} as a console table and as a dated markdown section for {@code docs/benchmarks.md}. */
public final class BenchReport {

    /** One line of the figures table. */
    public record Row(String figure, String value, String target, String load) {
    }

    private static final List<String> HEADER = List.of("Figure", "Value", "Target", "Load (1 min)");
    private static final double MIB = 1024.0 * 1024.0;

    private BenchReport() {
    }

    /** The figures, in the order the run measured them. */
    public static List<Row> rows(BenchResult r) {
        List<Row> rows = new ArrayList<>();
        Throughput g = r.generated();
        Phase gen = r.phase(BenchResult.GENERATE);
        rows.add(new Row("chain",
                f("%,d blocks × %,d tx/block requested, seed %d, coinbase maturity %d: %,d blocks, %,d tx "
                                + "(coinbases included), %.1f MB block file",
                        r.chain().blockCount(), r.chain().transactionsPerBlock(), r.chain().seed(),
                        r.chain().coinbaseMaturity(), g.blocks(), g.transactions(), g.bytes() / 1e6),
                "", ""));
        rows.add(new Row("generate (in no ratio)",
                f("%.1f s (%,.0f tx/s)", gen.seconds(), g.in(gen.seconds()).transactionsPerSecond()),
                "", load(gen)));
        Phase warm = r.phase(BenchResult.PARSE_WARM_UP);
        rows.add(new Row(BenchResult.PARSE_WARM_UP, f("%.2f s", warm.seconds()), "", load(warm)));
        rows.add(new Row(BenchResult.PARSE, rates(r.parse()) + f(", %d pass%s", r.parsePasses(), r.parsePasses() == 1 ? "" : "es"),
                f("≥ %,.0f tx/s: %s", BenchResult.PARSE_TARGET_TX_PER_SECOND, met(r.parseTargetMet())),
                load(r.phase(BenchResult.PARSE))));
        double parseCpu = r.phase(BenchResult.PARSE).cpuSeconds();
        rows.add(new Row("parse-only CPU (process, all threads)", Double.isNaN(parseCpu) ? "unknown"
                : f("%.1f CPU-s, %.2f cores busy on average: %,.0f tx per CPU-second", parseCpu,
                        parseCpu / r.parse().seconds(), r.parse().transactions() / parseCpu),
                "", load(r.phase(BenchResult.PARSE))));
        Phase session = r.phase(BenchResult.SESSION);
        rows.add(new Row(BenchResult.SESSION, f("%.1f s", session.seconds()), "", load(session)));
        Phase loadPhase = r.phase(BenchResult.LOAD);
        rows.add(new Row(BenchResult.LOAD,
                f("%.1f s (%,.0f tx/s)", loadPhase.seconds(), g.in(loadPhase.seconds()).transactionsPerSecond()),
                "", load(loadPhase)));
        Phase build = r.phase(BenchResult.BUILD);
        rows.add(new Row(BenchResult.BUILD, f("%.1f s (%,.0f tx/s): %s", build.seconds(),
                g.in(build.seconds()).transactionsPerSecond(), layers(r.layerSeconds(), r.jobSecondsByLayer())), "",
                load(build)));
        Throughput e2e = r.endToEnd();
        rows.add(new Row("end-to-end (session + load + build)", rates(e2e), "", load(build)));
        double cpu = r.endToEndCpuSeconds();
        rows.add(new Row("end-to-end CPU (process, all threads)", Double.isNaN(cpu) ? "unknown"
                : f("%,.0f CPU-s, %.2f cores busy on average: %,.0f tx per CPU-second", cpu, cpu / e2e.seconds(),
                        g.transactions() / cpu), "", load(build)));
        rows.add(new Row("ratio end-to-end / parse-only", f("%.1f %%", r.ratio() * 100),
                f("≥ %.0f %%: %s", BenchResult.RATIO_TARGET * 100, met(r.ratioTargetMet())), load(build)));
        rows.add(new Row("ratio per CPU-second", Double.isNaN(r.cpuRatio()) ? "unknown" : f("%.2f %%", r.cpuRatio() * 100),
                "", ""));
        rows.add(new Row("peak heap (sampled every 100 ms)",
                f("%,.0f MiB of max %,.0f MiB (%s); %s", r.peakHeapBytes() / MIB, r.maxHeapBytes() / MIB,
                        r.heapFlag(), byPhase(r, p -> f("%,.0f MiB", p.peakHeapBytes() / MIB))),
                "bounded: no OutOfMemoryError", ""));
        rows.add(new Row("CPU time", byPhase(r, p -> f("%.1f s", p.cpuSeconds())), "", ""));
        rows.add(new Row("GC time", byPhase(r, p -> f("%.1f s", p.gcSeconds())), "", ""));
        rows.add(new Row("JIT compiler threads' CPU time", byPhase(r, p -> f("%.1f s", p.jitSeconds())), "",
                ""));
        rows.add(new Row("peak resident set (VmHWM)", r.peakRssBytes().isPresent()
                ? f("%,.0f MiB (heap, Flink managed and network memory, metaspace)", r.peakRssBytes().getAsLong() / MIB)
                : "unknown", "", ""));
        rows.add(new Row("warehouse on disk", r.warehouseBytes().isEmpty() ? "unknown"
                : r.warehouseBytes().entrySet().stream()
                        .map(e -> f("%s %,.1f MB", e.getKey(), e.getValue() / 1e6))
                        .collect(Collectors.joining(", ")), "", ""));
        rows.add(new Row("quality checks", r.qualitySeconds().isEmpty() ? "none ran"
                : f("%.1f s, %.0f %% of the build: %s", r.qualitySeconds().values().stream()
                        .mapToDouble(Double::doubleValue).sum(), r.qualityShare() * 100,
                        r.qualitySeconds().entrySet().stream().map(e -> f("%s %.1f s", e.getKey(), e.getValue()))
                                .collect(Collectors.joining(", "))),
                f("≤ %.0f %% of the build: %s", BenchResult.QUALITY_SHARE_TARGET * 100,
                        met(r.qualityShare() <= BenchResult.QUALITY_SHARE_TARGET)), load(build)));
        if (!r.qualityPlanningCpuSeconds().isEmpty()) {
            rows.add(new Row("quality checks planned during the jobs", f("%.1f CPU-s (in the jobs' time above): %s",
                    r.qualityPlanningCpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum(),
                    r.qualityPlanningCpuSeconds().entrySet().stream().map(e -> f("%s %.1f", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", "))), "", ""));
        }
        rows.add(new Row("quality gate", r.qualityGateFailure().map(m -> "FAILED: " + m)
                .orElse("passed (its checks are part of the build time)"), "", ""));
        rows.add(new Row("check: dwd.btc_tx rows", r.rowsOf("dwd.btc_tx")
                .map(n -> f("%,d%s", n, n == g.transactions() ? " = transactions generated"
                        : f(" ≠ %,d transactions generated", g.transactions())))
                .orElse("not built"), "", ""));
        return rows;
    }

    /** The figures as an aligned plain-text table. */
    public static String text(BenchResult r) {
        return text(r, List.of());
    }

    /** The figures, then {@code more} (e.g. the streaming part's), as an aligned plain-text table. */
    public static String text(BenchResult r, List<Row> more) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : concat(rows(r), more)) {
            lines.add(List.of(row.figure(), row.value(), row.target(), row.load()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                l.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line.get(i)));
                if (i + 1 < widths.length) {
                    l.append("  ");
                }
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * A markdown section for a benchmarks log: date, command, machine, the figures table and the build's jobs.
     *
     * @param loadAtStart load averages ({@code uptime}) before the run
     * @param loadAtEnd   load averages after it
     */
    public static String markdown(BenchResult r, Machine machine, String command, ZonedDateTime when,
            String loadAtStart, String loadAtEnd) {
        return markdown(r, List.of(), machine, command, when, loadAtStart, loadAtEnd);
    }

    /** Like {@link #markdown(BenchResult, Machine, String, ZonedDateTime, String, String)}, with {@code more} rows. */
    public static String markdown(BenchResult r, List<Row> more, Machine machine, String command, ZonedDateTime when,
            String loadAtStart, String loadAtEnd) {
        StringBuilder md = new StringBuilder();
        md.append(f("### %s: %,d blocks × %,d tx/block (%,d transactions)\n\n",
                when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT)),
                r.chain().blockCount(), r.chain().transactionsPerBlock(), r.generated().transactions()));
        md.append("Command: `").append(command).append("`\n\n");
        md.append(f("Machine: %d processors (%s), %.1f GiB RAM, %s; load average (1, 5, 15 min) %s at start, "
                        + "%s at end.\n\n",
                machine.processors(), machine.cpuModel(), machine.memoryBytes() / (MIB * 1024), machine.jdk(),
                loadAtStart, loadAtEnd));
        md.append(markdownRow(HEADER));
        md.append(markdownRow(HEADER.stream().map(h -> "---").toList()));
        for (Row row : concat(rows(r), more)) {
            md.append(markdownRow(List.of(row.figure(), row.value(), row.target(), row.load())));
        }
        md.append("\nBuild jobs (the jobs of one wave run as one Flink job and each shows the wave's time):\n\n");
        md.append(markdownRow(List.of("Table", "Rows", "Seconds")));
        md.append(markdownRow(List.of("---", "---:", "---:")));
        for (JobRun job : r.jobs()) {
            md.append(markdownRow(List.of(job.table(), f("%,d", job.rows()), f("%.1f", job.seconds()))));
        }
        return md.append('\n').toString();
    }

    /**
     * The command a reader can paste to repeat the run: {@code CHAINLAKE_JAVA_OPTS} first when set, then the
     * launcher and the arguments, single-quoted where the shell would split or expand them.
     */
    public static String shellCommand(String javaOpts, String launcher, List<String> args) {
        StringBuilder command = new StringBuilder();
        if (javaOpts != null && !javaOpts.isBlank()) {
            command.append("CHAINLAKE_JAVA_OPTS=").append(shellWord(javaOpts)).append(' ');
        }
        command.append(launcher);
        args.forEach(a -> command.append(' ').append(shellWord(a)));
        return command.toString();
    }

    private static String shellWord(String word) {
        return !word.isEmpty() && word.matches("[A-Za-z0-9_./=:,+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static List<Row> concat(List<Row> first, List<Row> second) {
        List<Row> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String markdownRow(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    static String rates(Throughput t) {
        return f("%,.0f blocks/s · %,.0f tx/s · %.1f MB/s (%.2f s)", t.blocksPerSecond(), t.transactionsPerSecond(),
                t.megabytesPerSecond(), t.seconds());
    }

    private static String layers(Map<String, Double> seconds, Map<String, Double> jobSeconds) {
        return seconds.entrySet().stream()
                .map(e -> f("%s %.1f s", e.getKey(), e.getValue())
                        + (jobSeconds.containsKey(e.getKey()) ? f(" (jobs %.1f s)", jobSeconds.get(e.getKey())) : ""))
                .collect(Collectors.joining(", "));
    }

    private static String byPhase(BenchResult r, java.util.function.Function<Phase, String> figure) {
        return r.phases().stream().map(p -> p.name() + " " + figure.apply(p)).collect(Collectors.joining(", "));
    }

    static String load(Phase p) {
        return Double.isNaN(p.loadAverage()) ? "" : f("%.2f", p.loadAverage());
    }

    static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
