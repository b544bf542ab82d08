CREATE TABLE IF NOT EXISTS ads.pool_user_realtime (
    user_id INT NOT NULL COMMENT 'btcpool userid (puid)',
    as_of TIMESTAMP(3) COMMENT 'Newest share_time in the warehouse (see ads.pool_worker_realtime)',
    accept_1m BIGINT COMMENT 'Accepted share difficulty of all the user''s workers in the last minute',
    accept_5m BIGINT COMMENT 'As accept_1m, last 5 minutes',
    accept_15m BIGINT COMMENT 'As accept_1m, last 15 minutes',
    accept_1h BIGINT COMMENT 'As accept_1m, last 60 minutes',
    reject_15m BIGINT COMMENT 'Rejected share difficulty, last 15 minutes',
    reject_1h BIGINT COMMENT 'Rejected share difficulty, last 60 minutes',
    hashrate_1m DOUBLE COMMENT 'Hashes/s: accept_1m x 2^32 / 60',
    hashrate_5m DOUBLE COMMENT 'Hashes/s: accept_5m x 2^32 / 300',
    hashrate_15m DOUBLE COMMENT 'Hashes/s: accept_15m x 2^32 / 900',
    hashrate_1h DOUBLE COMMENT 'Hashes/s: accept_1h x 2^32 / 3600',
    workers_online BIGINT COMMENT 'Workers with status online',
    workers_offline BIGINT COMMENT 'Workers with status offline',
    last_share_time TIMESTAMP(3) COMMENT 'Newest share of any of the user''s workers',
    PRIMARY KEY (user_id) NOT ENFORCED
) COMMENT 'ADS: every user as of the newest share, sums of its workers'' realtime windows (grain: user_id)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
