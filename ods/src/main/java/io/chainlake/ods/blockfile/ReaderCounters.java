package io.chainlake.ods.blockfile;

/**
 * Totals of a {@link BlockFileReader} since it was created; a benchmark divides them by elapsed time.
 *
 * @param files        block files opened
 * @param blocks       blocks found
 * @param transactions transactions in those blocks
 * @param bytesRead    bytes read from disk
 * @param problems     problems reported
 */
public record ReaderCounters(long files, long blocks, long transactions, long bytesRead, long problems) {
}
