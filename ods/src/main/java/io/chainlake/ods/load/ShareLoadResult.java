package io.chainlake.ods.load;

/**
 * What one load-shares run did.
 *
 * @param loadId        id stamped on the rows it wrote
 * @param messages      well-framed messages read from the files (decodable or not)
 * @param added         messages written to ods.pool_share_raw for the first time
 * @param alreadyLoaded messages whose file position the warehouse already held: not written again
 * @param rejected      rows written to ods.pool_share_reject (undecodable or invalid messages, broken framing)
 */
public record ShareLoadResult(String loadId, long messages, long added, long alreadyLoaded, long rejected) {}
