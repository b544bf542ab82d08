CREATE TABLE IF NOT EXISTS ads.difficulty_epoch (
    dt STRING NOT NULL COMMENT 'UTC day of the epoch''s first block in the warehouse, yyyy-MM-dd',
    epoch INT NOT NULL COMMENT 'Retarget epoch: height / 2016',
    first_height INT COMMENT 'Lowest main-chain height of the epoch in the warehouse',
    last_height INT COMMENT 'Highest main-chain height of the epoch in the warehouse',
    block_count BIGINT COMMENT 'Blocks of the epoch in the warehouse (2016 when complete)',
    is_complete BOOLEAN COMMENT 'All 2016 blocks present',
    bits BIGINT COMMENT 'Compact target of the epoch (of its first block)',
    difficulty DOUBLE COMMENT 'Difficulty of the epoch',
    actual_timespan_s BIGINT COMMENT 'Time of the last block minus time of the first block of the epoch (what Core''s retarget measures); NULL unless both are present',
    target_timespan_s BIGINT COMMENT '1209600 s (two weeks)',
    timespan_ratio DOUBLE COMMENT 'actual_timespan_s / target_timespan_s',
    next_bits BIGINT COMMENT 'Bits of the next epoch by Bitcoin''s retarget rule (timespan clamped to x4 / ÷4); NULL unless complete',
    next_difficulty DOUBLE COMMENT 'Difficulty from next_bits',
    est_hashrate DOUBLE COMMENT 'difficulty * 2^32 / mean block interval of the epoch, hashes/s; NULL when unknown',
    PRIMARY KEY (dt, epoch) NOT ENFORCED
)
COMMENT 'ADS: difficulty retarget epochs (grain: one row per 2016-block epoch with blocks in the warehouse)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
