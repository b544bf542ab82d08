-- Shares that solved a block, as the pool's found-blocks list shows them.
CREATE TABLE IF NOT EXISTS dwd.pool_block_found (
    dt STRING NOT NULL COMMENT 'UTC day of found_time, yyyy-MM-dd',
    height INT NOT NULL COMMENT 'Height of the block the solving job built',
    worker_id BIGINT NOT NULL COMMENT 'btcpool workerhashid of the finder',
    job_id BIGINT NOT NULL COMMENT 'btcpool jobid',
    nonce BIGINT NOT NULL COMMENT 'Nonce of the solving share',
    found_time TIMESTAMP(3) COMMENT 'share_time of the solving share, UTC',
    user_id INT COMMENT 'btcpool userid (puid) of the finder',
    user_name STRING COMMENT 'From MySQL chainlake_pool.users; NULL when unknown',
    worker_name STRING COMMENT 'From MySQL chainlake_pool.mining_workers; NULL when unknown',
    status_name STRING COMMENT 'SOLVED, SOLVED_STALE or SOLVED_PRELIMINARY (btcpool StratumStatus::isSolved)',
    blk_bits BIGINT COMMENT 'Compact network target (nBits) of the job',
    network_diff DOUBLE COMMENT 'Network difficulty of the job, from blk_bits',
    share_diff BIGINT COMMENT 'Difficulty of the solving share',
    ip STRING COMMENT 'Miner IP address',
    PRIMARY KEY (dt, height, worker_id, job_id, nonce) NOT ENFORCED
) COMMENT 'DWD: one row per share that solved a block (SOLVED, SOLVED_STALE, SOLVED_PRELIMINARY)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'merge-engine' = 'first-row',
    'changelog-producer' = 'lookup'
);
