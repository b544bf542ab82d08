package io.chainlake.quality;

/**
 * Where checks run, and so which of them: the one rule for the build's gate, the stream's rounds and
 * {@code quality run}.
 *
 * <p>A recompute check ({@code -- recompute: job}) runs its table's job again over what the job reads and compares.
 * Right after a build wrote the table with that very job it can only find what the job just did, at the cost of
 * building DWS and ADS a second time (against the budget: checks at most 20 % of the build); a stream's
 * round, which comes every few minutes, would rebuild them in batch each time beside the stream doing the same work.
 * It is worth its cost on demand, when the warehouse may have been repaired or edited since it was built (DML
 * through {@code ./chainlake query}). The same holds for a check that derives a layer's columns again the way its
 * job does ({@code -- runs: on-demand}: DWD's script decoding and prevout resolution).
 */
public enum CheckOccasion {
    /** {@code ./chainlake build}, after each layer: every check but the on-demand ones. */
    BUILD_GATE,
    /** A round of {@code ./chainlake stream}'s checks: every check but the on-demand ones. */
    STREAM_ROUND,
    /** {@code ./chainlake quality run}: every check. */
    ON_DEMAND;

    public boolean includes(Check check) {
        return this == ON_DEMAND || !check.onDemandOnly();
    }
}
