-- Typed, deduplicated shares: the single source every pool statistic is computed from.
CREATE TABLE IF NOT EXISTS dwd.pool_share (
    dt STRING NOT NULL COMMENT 'UTC day of share_time, yyyy-MM-dd',
    worker_id BIGINT NOT NULL COMMENT 'btcpool workerhashid',
    job_id BIGINT NOT NULL COMMENT 'btcpool jobid of the job the share answers',
    session_id BIGINT NOT NULL COMMENT 'Stratum session id',
    nonce BIGINT NOT NULL COMMENT 'Share nonce',
    share_time TIMESTAMP(3) NOT NULL COMMENT 'When the pool received the share (btcpool timestamp), UTC',
    version_mask BIGINT NOT NULL COMMENT 'BIP320 version-rolling mask',
    user_id INT COMMENT 'btcpool userid (puid)',
    status INT COMMENT 'btcpool StratumStatus code',
    status_name STRING COMMENT 'Name of the status code: ACCEPT, ACCEPT_STALE, SOLVED, ..., JOB_NOT_FOUND_OR_STALE, ...; UNKNOWN otherwise',
    is_accepted BOOLEAN COMMENT 'Counts toward share_accept (btcpool StratumStatus::isAccepted, stale not accepted)',
    is_stale BOOLEAN COMMENT 'Counts toward share_stale: ACCEPT_STALE, SOLVED_STALE, reject 21 and 37',
    is_rejected BOOLEAN COMMENT 'Counts toward share_reject: every other status',
    reject_reason STRING COMMENT 'Reject / stale reason name; NULL for accepted shares',
    share_diff BIGINT COMMENT 'Share difficulty (btcpool sharediff)',
    network_diff DOUBLE COMMENT 'Network difficulty of the job, from blk_bits',
    blk_bits BIGINT COMMENT 'Compact network target (nBits) of the job',
    height INT COMMENT 'Height of the block the job builds',
    ip STRING COMMENT 'Miner IP address',
    ext_user_id INT COMMENT 'btcpool extuserid',
    bits_reached BIGINT COMMENT 'Compact target the share hash reached',
    user_name STRING COMMENT 'From MySQL chainlake_pool.users; NULL when unknown',
    worker_name STRING COMMENT 'From MySQL chainlake_pool.mining_workers; NULL when unknown',
    source_name STRING COMMENT 'Topic or file the share was first read from',
    source_partition INT COMMENT 'Kafka partition (0 for files)',
    source_offset BIGINT COMMENT 'Kafka offset or 1-based record number in the file',
    PRIMARY KEY (dt, worker_id, job_id, session_id, nonce, share_time, version_mask) NOT ENFORCED
) COMMENT 'DWD: one row per distinct share; an exact redelivery is the same key and changes nothing'
PARTITIONED BY (dt)
WITH (
    'bucket' = '4',
    'merge-engine' = 'first-row',
    'changelog-producer' = 'lookup'
);
