CREATE TABLE IF NOT EXISTS dws.pool_hour (
    dt STRING NOT NULL COMMENT 'UTC day of window_start, yyyy-MM-dd',
    window_start TIMESTAMP(3) NOT NULL COMMENT 'Start of the UTC hour (TIMESTAMP holding UTC wall-clock time)',
    share_accept BIGINT COMMENT 'Sum of share_diff of accepted shares (ACCEPT, SOLVED; btcpool share_accept)',
    share_stale BIGINT COMMENT 'Sum of share_diff of stale shares (ACCEPT_STALE, SOLVED_STALE, rejects 21 and 37)',
    share_reject BIGINT COMMENT 'Sum of share_diff of every other (rejected) share',
    reject_detail STRING COMMENT 'JSON object reject reason (status_name) -> share_diff sum, reasons sorted; {} when none',
    reject_rate DOUBLE COMMENT 'share_reject / (share_accept + share_reject), stale excluded; 0 when nothing was rejected',
    score DOUBLE COMMENT 'Sum over accepted shares of min(1, share_diff / network_diff)',
    earn BIGINT COMMENT 'Sum over accepted shares of score x block subsidy at the share height, satoshi (truncated like btcpool)',
    hashrate DOUBLE COMMENT 'Hashes/s: share_accept x 2^32 / 3600 seconds',
    accept_count BIGINT COMMENT 'Accepted shares',
    reject_count BIGINT COMMENT 'Rejected shares (stale not included)',
    block_count BIGINT COMMENT 'Blocks found: shares with status SOLVED',
    active_workers BIGINT COMMENT 'Workers (user_id, worker_id) with at least one accepted share in the window',
    active_users BIGINT COMMENT 'Users with at least one accepted share in the window',
    found_network_diff DOUBLE COMMENT 'Sum of the network difficulty of the blocks found (SOLVED shares) in the window',
    luck DOUBLE COMMENT 'found_network_diff / share_accept: expected shares of the blocks found over the accepted shares (1 = average, > 1 lucky, 0 with no block); NULL when nothing was accepted',
    PRIMARY KEY (dt, window_start) NOT ENFORCED
) COMMENT 'DWS: btcpool share statistics of the whole pool per UTC hour (grain: window_start)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
