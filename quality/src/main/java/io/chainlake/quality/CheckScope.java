package io.chainlake.quality;

/**
 * The part of the data a check run looks at: the violating rows whose {@code column} lies in {@code [from, to]}
 * (a stream's new block heights or days). Recorded in dq.check_result's {@code partition}, e.g.
 * {@code block_height 170-180} or {@code dt 2024-03-01/2024-03-02}; a run without a scope records {@code all}.
 *
 * @param numeric whether the bounds are numbers (SQL literals as they are) or strings (quoted)
 */
public record CheckScope(String column, String from, String to, boolean numeric) {

    public static final String ALL = "all";

    public static CheckScope heights(String column, long from, long to) {
        return new CheckScope(column, String.valueOf(from), String.valueOf(to), true);
    }

    public static CheckScope days(String column, String from, String to) {
        return new CheckScope(column, from, to, false);
    }

    public String partition() {
        return column + " " + (from.equals(to) ? from : from + (numeric ? "-" : "/") + to);
    }

    /** The SQL condition that keeps a check's rows inside the scope. */
    String condition() {
        return "`" + column + "` BETWEEN " + literal(from) + " AND " + literal(to);
    }

    private String literal(String v) {
        return numeric ? v : "'" + v.replace("'", "''") + "'";
    }
}
