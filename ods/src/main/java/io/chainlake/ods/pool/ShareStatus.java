package io.chainlake.ods.pool;

import java.util.Map;

/**
 * btcpool's {@code StratumStatus} codes and how its statistics count them (StratumStatus::isAccepted,
 * isAcceptedStale, isRejectedStale, isSolved; the pool's default of not accepting stale shares):
 * <ul>
 *   <li>accepted: ACCEPT and SOLVED;</li>
 *   <li>stale: ACCEPT_STALE, SOLVED_STALE and the stale rejects JOB_NOT_FOUND_OR_STALE (21) and STALE_SHARE (37);</li>
 *   <li>rejected: every other code, SOLVED_PRELIMINARY included (btcpool's isAccepted does not list it).</li>
 * </ul>
 * A block is found by SOLVED, SOLVED_STALE and SOLVED_PRELIMINARY (isSolved).
 */
public final class ShareStatus {

    public static final int ACCEPT = 1798084231;
    public static final int ACCEPT_STALE = 950395421;
    public static final int SOLVED = 1422486894;
    public static final int SOLVED_STALE = 1713984938;
    public static final int SOLVED_PRELIMINARY = 1835617709;
    public static final int REJECT_NO_REASON = 0;
    public static final int JOB_NOT_FOUND_OR_STALE = 21;
    public static final int DUPLICATE_SHARE = 22;
    public static final int LOW_DIFFICULTY = 23;
    public static final int UNAUTHORIZED = 24;
    public static final int NOT_SUBSCRIBED = 25;
    public static final int ILLEGAL_METHOD = 26;
    public static final int ILLEGAL_PARAMS = 27;
    public static final int IP_BANNED = 28;
    public static final int INVALID_USERNAME = 29;
    public static final int INTERNAL_ERROR = 30;
    public static final int TIME_TOO_OLD = 31;
    public static final int TIME_TOO_NEW = 32;
    public static final int ILLEGAL_VERMASK = 33;
    public static final int INVALID_SOLUTION = 34;
    public static final int WRONG_NONCE_PREFIX = 35;
    public static final int JOB_NOT_FOUND = 36;
    public static final int STALE_SHARE = 37;

    public static final String UNKNOWN = "UNKNOWN";

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(ACCEPT, "ACCEPT"),
            Map.entry(ACCEPT_STALE, "ACCEPT_STALE"),
            Map.entry(SOLVED, "SOLVED"),
            Map.entry(SOLVED_STALE, "SOLVED_STALE"),
            Map.entry(SOLVED_PRELIMINARY, "SOLVED_PRELIMINARY"),
            Map.entry(REJECT_NO_REASON, "REJECT_NO_REASON"),
            Map.entry(JOB_NOT_FOUND_OR_STALE, "JOB_NOT_FOUND_OR_STALE"),
            Map.entry(DUPLICATE_SHARE, "DUPLICATE_SHARE"),
            Map.entry(LOW_DIFFICULTY, "LOW_DIFFICULTY"),
            Map.entry(UNAUTHORIZED, "UNAUTHORIZED"),
            Map.entry(NOT_SUBSCRIBED, "NOT_SUBSCRIBED"),
            Map.entry(ILLEGAL_METHOD, "ILLEGAL_METHOD"),
            Map.entry(ILLEGAL_PARAMS, "ILLEGAL_PARAMS"),
            Map.entry(IP_BANNED, "IP_BANNED"),
            Map.entry(INVALID_USERNAME, "INVALID_USERNAME"),
            Map.entry(INTERNAL_ERROR, "INTERNAL_ERROR"),
            Map.entry(TIME_TOO_OLD, "TIME_TOO_OLD"),
            Map.entry(TIME_TOO_NEW, "TIME_TOO_NEW"),
            Map.entry(ILLEGAL_VERMASK, "ILLEGAL_VERMASK"),
            Map.entry(INVALID_SOLUTION, "INVALID_SOLUTION"),
            Map.entry(WRONG_NONCE_PREFIX, "WRONG_NONCE_PREFIX"),
            Map.entry(JOB_NOT_FOUND, "JOB_NOT_FOUND"),
            Map.entry(STALE_SHARE, "STALE_SHARE"));

    private ShareStatus() {}

    /** btcpool's name of the code (ILLEGAL_PARAMS for its misspelt ILLEGAL_PARARMS), or UNKNOWN. */
    public static String name(int status) {
        return NAMES.getOrDefault(status, UNKNOWN);
    }

    public static boolean isAccepted(int status) {
        return status == ACCEPT || status == SOLVED;
    }

    public static boolean isStale(int status) {
        return status == ACCEPT_STALE || status == SOLVED_STALE || status == JOB_NOT_FOUND_OR_STALE
                || status == STALE_SHARE;
    }

    public static boolean isRejected(int status) {
        return !isAccepted(status) && !isStale(status);
    }

    public static boolean isSolved(int status) {
        return status == SOLVED || status == SOLVED_STALE || status == SOLVED_PRELIMINARY;
    }
}
