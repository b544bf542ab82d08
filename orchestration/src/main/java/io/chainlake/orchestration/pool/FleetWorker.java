package io.chainlake.orchestration.pool;

/**
 * One simulated miner.
 *
 * @param puid       btcpool user id of its owner
 * @param userName   its owner's account name
 * @param workerName the name the miner logs in with (the part after the user name)
 * @param workerId   btcpool workerhashid: the first 8 bytes of SHA-256("userName.workerName")
 * @param hashrate   hashes per second while online
 * @param shareDiff  the vardiff share difficulty (a power of two) aiming at the fleet's share interval
 * @param ip         the miner's IP address
 */
public record FleetWorker(
        int puid, String userName, String workerName, long workerId, double hashrate, long shareDiff, String ip) {

    /** Shares per second while online: hashrate / (difficulty × 2^32). */
    public double shareRate() {
        return hashrate / (shareDiff * PoolFleet.HASHES_PER_DIFF_1);
    }
}
