CREATE TABLE IF NOT EXISTS ads.pool_overview (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    hashrate DOUBLE COMMENT 'Pool hashrate over the day, hashes/s: share_accept x 2^32 / 86400',
    share_accept BIGINT COMMENT 'Accepted share difficulty of the day',
    share_stale BIGINT COMMENT 'Stale share difficulty of the day',
    share_reject BIGINT COMMENT 'Rejected share difficulty of the day',
    reject_rate DOUBLE COMMENT 'share_reject / (share_accept + share_reject)',
    active_workers BIGINT COMMENT 'Workers with an accepted share that day',
    active_users BIGINT COMMENT 'Users with an accepted share that day',
    blocks_found BIGINT COMMENT 'Blocks found that day (SOLVED shares)',
    luck DOUBLE COMMENT 'Sum of the network difficulty of the blocks found / accepted share difficulty: 1 = as expected, > 1 lucky, 0 without a block',
    as_of TIMESTAMP(3) COMMENT 'On the day of the newest share: that share_time ("now"); NULL on earlier days',
    hashrate_1h DOUBLE COMMENT 'On the day of as_of: pool hashrate of the last 60 minutes; NULL on earlier days',
    workers_online BIGINT COMMENT 'On the day of as_of: workers with status online; NULL on earlier days',
    PRIMARY KEY (dt) NOT ENFORCED
) COMMENT 'ADS: the pool per UTC day at a glance, with the realtime figures on the newest day (grain: dt; not partitioned: Paimon refuses a key equal to the partition)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
