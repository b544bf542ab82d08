CREATE TABLE IF NOT EXISTS ads.pool_worker_anomaly (
    user_id INT NOT NULL COMMENT 'btcpool userid (puid)',
    worker_id BIGINT NOT NULL COMMENT 'btcpool workerhashid',
    anomaly STRING NOT NULL COMMENT 'hashrate_drop (5-minute hashrate below (1 - pool.anomaly-hashrate-drop) x the 60 minutes before), offline (no share for more than pool.offline-threshold-s) or reject_spike (5-minute reject rate above pool.anomaly-reject-rate)',
    started_at TIMESTAMP(3) NOT NULL COMMENT 'When it began, UTC: the first minute the condition held; for offline, the last share time + pool.offline-threshold-s',
    ended_at TIMESTAMP(3) COMMENT 'When it was over, UTC: the first minute the condition no longer held; for offline, the next share; NULL while ongoing as of the newest share',
    duration_s BIGINT COMMENT 'ended_at - started_at in seconds; NULL while ongoing',
    PRIMARY KEY (user_id, worker_id, anomaly, started_at) NOT ENFORCED
) COMMENT 'ADS: worker anomalies, one row per episode (grain: user_id x worker_id x anomaly x started_at; not partitioned: an ongoing row is updated when it ends)'
WITH (
    'bucket' = '2',
    'changelog-producer' = 'lookup'
);
