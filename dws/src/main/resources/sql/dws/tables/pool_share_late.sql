CREATE TABLE IF NOT EXISTS dws.pool_share_late (
    dt STRING NOT NULL COMMENT 'UTC day of share_time, yyyy-MM-dd',
    worker_id BIGINT NOT NULL COMMENT 'btcpool workerhashid',
    job_id BIGINT NOT NULL COMMENT 'btcpool jobid',
    session_id BIGINT NOT NULL COMMENT 'Stratum session id',
    nonce BIGINT NOT NULL COMMENT 'Share nonce',
    share_time TIMESTAMP(3) NOT NULL COMMENT 'When the pool received the share (btcpool timestamp), UTC',
    version_mask BIGINT NOT NULL COMMENT 'BIP320 version-rolling mask',
    user_id INT COMMENT 'btcpool userid (puid)',
    status_name STRING COMMENT 'Status of the share',
    share_diff BIGINT COMMENT 'Share difficulty',
    source_name STRING COMMENT 'Topic or file the share was first read from',
    source_partition INT COMMENT 'Kafka partition (0 for files)',
    source_offset BIGINT COMMENT 'Kafka offset or 1-based record number in the file',
    newest_before_time TIMESTAMP(3) COMMENT 'Newest share_time of the shares read before it from the same topic partition or file (the watermark it arrived after)',
    late_by_s BIGINT COMMENT 'Seconds newest_before_time is ahead of share_time (more than pool.allowed-lateness-s)',
    PRIMARY KEY (dt, worker_id, job_id, session_id, nonce, share_time, version_mask) NOT ENFORCED
) COMMENT 'DWS: shares that arrived later than pool.allowed-lateness-s after a newer share of the same source (still counted in every window table)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
