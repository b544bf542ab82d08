CREATE TABLE IF NOT EXISTS dws.pool_user_hour (
    dt STRING NOT NULL COMMENT 'UTC day of window_start, yyyy-MM-dd',
    user_id INT NOT NULL COMMENT 'btcpool userid (puid)',
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
    PRIMARY KEY (dt, user_id, window_start) NOT ENFORCED
) COMMENT 'DWS: btcpool share statistics of user (all its workers) per UTC hour (grain: user_id x window_start)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '2',
    'changelog-producer' = 'lookup'
);
