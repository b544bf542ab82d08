package io.chainlake.ods.load;

/**
 * What one load-blocks run did.
 *
 * @param loadId         id stamped on the rows it wrote
 * @param blocksFound    blocks read from the files (duplicates in the input included)
 * @param blocksAdded    new blocks written to ods.btc_block_raw
 * @param alreadyLoaded  blocks the warehouse already held (or found twice in the input): not written again
 * @param rejected       rows written to ods.btc_block_reject
 * @param prevouts       rows read from --prevouts files into ods.btc_prevout
 */
public record LoadResult(
        String loadId, long blocksFound, long blocksAdded, long alreadyLoaded, long rejected, long prevouts) {}
