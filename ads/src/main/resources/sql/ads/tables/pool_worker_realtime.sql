CREATE TABLE IF NOT EXISTS ads.pool_worker_realtime (
    user_id INT NOT NULL COMMENT 'btcpool userid (puid)',
    worker_id BIGINT NOT NULL COMMENT 'btcpool workerhashid',
    as_of TIMESTAMP(3) COMMENT '"Now" of the realtime windows: the newest share_time in the warehouse (the watermark), never the wall clock, so a rebuild gives the same rows',
    accept_1m BIGINT COMMENT 'Accepted share difficulty in the minute of as_of',
    accept_5m BIGINT COMMENT 'Accepted share difficulty in the 5 minutes ending with the minute of as_of',
    accept_15m BIGINT COMMENT 'Accepted share difficulty in the last 15 minutes, as accept_5m',
    accept_1h BIGINT COMMENT 'Accepted share difficulty in the last 60 minutes, as accept_5m',
    reject_1m BIGINT COMMENT 'Rejected share difficulty in the last minute (stale not included)',
    reject_5m BIGINT COMMENT 'Rejected share difficulty in the last 5 minutes',
    reject_15m BIGINT COMMENT 'Rejected share difficulty in the last 15 minutes',
    reject_1h BIGINT COMMENT 'Rejected share difficulty in the last 60 minutes',
    stale_15m BIGINT COMMENT 'Stale share difficulty in the last 15 minutes',
    stale_1h BIGINT COMMENT 'Stale share difficulty in the last 60 minutes',
    hashrate_1m DOUBLE COMMENT 'Hashes/s: accept_1m x 2^32 / 60',
    hashrate_5m DOUBLE COMMENT 'Hashes/s: accept_5m x 2^32 / 300',
    hashrate_15m DOUBLE COMMENT 'Hashes/s: accept_15m x 2^32 / 900',
    hashrate_1h DOUBLE COMMENT 'Hashes/s: accept_1h x 2^32 / 3600',
    accept_count BIGINT COMMENT 'Accepted shares of the worker in the whole warehouse (btcpool mining_workers.accept_count)',
    last_share_time TIMESTAMP(3) COMMENT 'Newest share of the worker, UTC',
    last_share_ip STRING COMMENT 'IP of that share',
    status STRING COMMENT 'online, or offline when as_of - last_share_time exceeds pool.offline-threshold-s',
    PRIMARY KEY (user_id, worker_id) NOT ENFORCED
) COMMENT 'ADS: every worker as of the newest share, btcpool realtime windows (grain: user_id x worker_id; not partitioned: one row per worker, updated in place)'
WITH (
    'bucket' = '2',
    'changelog-producer' = 'lookup'
);
