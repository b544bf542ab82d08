package io.chainlake.ods.pool;

/**
 * One share as btcpool's stratum server logs it to Kafka: the fields of its {@code BitcoinMsg} protobuf message,
 * under the same names in JSON. Unsigned protobuf fields are widened to {@code long} (uint32) or kept as
 * {@code long} when they fit (uint64 jobid and sharediff; larger values are refused when decoding).
 *
 * @param version      message version: btcpool's ShareBitcoin::CURRENT_VERSION 0x00010004 = 65540, the only one
 *                     a share is counted with
 * @param workerHashId btcpool workerhashid: the worker's id (a hash of its name)
 * @param userId       btcpool userid (puid)
 * @param status       StratumStatus code, see {@link ShareStatus}
 * @param timestamp    unix seconds when the pool received the share
 * @param ip           the miner's IP address, or null when absent
 * @param jobId        stratum job id
 * @param shareDiff    the share's difficulty, above 0 (as jobid, userid, workerhashid, blkbits and height: not 0)
 * @param blkBits      compact network target (nBits) of the job
 * @param height       height of the block the job builds
 * @param nonce        the share's nonce
 * @param sessionId    stratum session id (0 when absent)
 * @param versionMask  BIP320 version-rolling mask (0 when absent)
 * @param extUserId    extended user id of single-user mode, or null when absent
 * @param bitsReached  compact target the share hash reached, or null when absent
 */
public record ShareEvent(
        int version,
        long workerHashId,
        int userId,
        int status,
        long timestamp,
        String ip,
        long jobId,
        long shareDiff,
        long blkBits,
        long height,
        long nonce,
        long sessionId,
        long versionMask,
        Integer extUserId,
        Long bitsReached) {

    /** The same share with another status (what a pool decides for it). */
    public ShareEvent withStatus(int newStatus) {
        return new ShareEvent(version, workerHashId, userId, newStatus, timestamp, ip, jobId, shareDiff, blkBits,
                height, nonce, sessionId, versionMask, extUserId, bitsReached);
    }
}
