-- description: the primary key (user_id, worker_id, anomaly, started_at) is unique and not null: one row per episode
-- severity: error
SELECT
    user_id,
    worker_id,
    anomaly,
    started_at,
    COUNT(*) AS row_count
FROM ads.pool_worker_anomaly
GROUP BY user_id, worker_id, anomaly, started_at
HAVING COUNT(*) > 1 OR user_id IS NULL OR worker_id IS NULL OR anomaly IS NULL OR started_at IS NULL
