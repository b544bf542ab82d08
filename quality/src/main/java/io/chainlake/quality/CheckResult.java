package io.chainlake.quality;

import java.time.Instant;

/** One row of dq.check_result. */
public record CheckResult(
        String runId,
        Check check,
        String status,
        double observedValue,
        long violationCount,
        String sampleRows,
        String partition,
        Instant startedAt,
        Instant finishedAt) {

    public static final String PASS = "pass";
    public static final String WARN = "warn";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";

    /** A failed error-severity check (or one that could not run): in a build, the jobs reading its table stop. */
    public boolean blocks() {
        return check.severity().equals("error") && (status.equals(FAIL) || status.equals(ERROR));
    }

    public String summaryLine() {
        return String.format(java.util.Locale.ROOT, "%-5s %-55s %s observed %s (threshold %s)%s", status,
                check.layer().database() + "/" + check.name(), check.severity(), number(observedValue),
                number(check.threshold()), status.equals(PASS) ? "" : " " + sampleRows);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
