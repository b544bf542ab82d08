package io.chainlake.orchestration.bench;

import io.chainlake.catalog.LayerBuilder.JobRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the layers of a build from its progress lines: a build prints a header line ({@code dwd:}) when a layer
 * starts, so a layer lasts from its header to the next one, the last to {@link #finish()}. What comes before the
 * first header is {@value #SETUP}. It also keeps the jobs' own lines ({@link JobRun#progressLine()}), so the jobs
 * that ran are known even when the build stops with an exception, and the time of each layer's quality checks.
 * Every line is passed on unchanged.
 */
public final class LayerTimer implements Consumer<String> {

    /** Name of the time before the first layer header. */
    public static final String SETUP = "setup";

    /** {@link JobRun#progressLine()}: table, rows with grouping commas, seconds. */
    private static final Pattern JOB_LINE = Pattern.compile("\\s+([a-z]+\\.[a-z0-9_]+)\\s+([\\d,]+) rows\\s+([\\d.]+) s");

    /** The build's line after a layer's checks: {@code quality dwd  22/23 checks pass  129.8 s}. */
    private static final Pattern QUALITY_LINE =
            Pattern.compile("\\s+quality ([a-z]+)\\s+\\d+/\\d+ checks pass.*\\s([\\d.]+) s");

    /** Its note when the layer's checks were planned while the layer's jobs ran: {@code planned during the jobs in 3.1 CPU-s}. */
    private static final Pattern PLANNED_DURING_JOBS = Pattern.compile("planned during the jobs in ([\\d.]+) CPU-s");

    private final Consumer<String> out;
    private final LongSupplier nanoClock;
    private final Set<String> headers;
    private final List<String> names = new ArrayList<>();
    private final List<Long> marks = new ArrayList<>();
    private final List<JobRun> jobs = new ArrayList<>();
    private final Map<String, Double> qualitySeconds = new LinkedHashMap<>();
    private final Map<String, Double> qualityPlanningCpuSeconds = new LinkedHashMap<>();
    private Long end;

    /**
     * @param headers the header lines, e.g. {@code dwd:}; a layer is named by its header without the colon
     */
    public LayerTimer(Consumer<String> out, LongSupplier nanoClock, Set<String> headers) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.headers = headers;
        names.add(SETUP);
        marks.add(nanoClock.getAsLong());
    }

    @Override
    public void accept(String line) {
        String trimmed = line.trim();
        if (end == null && headers.contains(trimmed)) {
            names.add(trimmed.endsWith(":") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            marks.add(nanoClock.getAsLong());
        }
        Matcher job = JOB_LINE.matcher(line);
        if (job.matches()) {
            jobs.add(new JobRun(job.group(1), Long.parseLong(job.group(2).replace(",", "")),
                    Double.parseDouble(job.group(3))));
        }
        Matcher quality = QUALITY_LINE.matcher(line);
        if (quality.matches()) {
            qualitySeconds.merge(quality.group(1), Double.parseDouble(quality.group(2)), Double::sum);
            Matcher planned = PLANNED_DURING_JOBS.matcher(line);
            if (planned.find()) {
                qualityPlanningCpuSeconds.merge(quality.group(1), Double.parseDouble(planned.group(1)), Double::sum);
            }
        }
        out.accept(line);
    }

    /** Seconds the quality checks took after each layer ({@code ods}, {@code dwd}, ...), as printed. */
    public Map<String, Double> qualitySeconds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(qualitySeconds));
    }

    /** CPU seconds spent planning each layer's checks while the layer's jobs ran (not in {@link #qualitySeconds}). */
    public Map<String, Double> qualityPlanningCpuSeconds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(qualityPlanningCpuSeconds));
    }

    /** The jobs whose progress lines went by, in order; seconds as printed (one decimal). */
    public List<JobRun> jobs() {
        return List.copyOf(jobs);
    }

    /** Ends the last layer now. */
    public void finish() {
        if (end == null) {
            end = nanoClock.getAsLong();
        }
    }

    /** Seconds of {@value #SETUP} and of each layer, in the order they ran. */
    public Map<String, Double> seconds() {
        if (end == null) {
            throw new IllegalStateException("finish() the build before asking for its layer times");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            long until = i + 1 < marks.size() ? marks.get(i + 1) : end;
            seconds.merge(names.get(i), (until - marks.get(i)) / 1e9, Double::sum);
        }
        return seconds;
    }
}
