CREATE TABLE IF NOT EXISTS ads.mining_pool_share_day (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    pool_name STRING NOT NULL COMMENT 'Pool (registry name) or ''unknown''',
    block_count BIGINT COMMENT 'Blocks mined that day',
    block_share DOUBLE COMMENT 'Share of the day''s main-chain blocks',
    network_hashrate_ehs DOUBLE COMMENT 'Estimated network hashrate that day, EH/s; NULL when block intervals are unknown',
    est_pool_hashrate_ehs DOUBLE COMMENT 'network_hashrate_ehs * block_share, EH/s',
    PRIMARY KEY (dt, pool_name) NOT ENFORCED
)
COMMENT 'ADS: mining-pool block share and estimated hashrate per UTC day (grain: dt x pool_name)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
