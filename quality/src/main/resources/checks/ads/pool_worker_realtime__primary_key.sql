-- description: the primary key (user_id, worker_id) is unique and not null: one row per key
-- severity: error
SELECT
    user_id,
    worker_id,
    COUNT(*) AS row_count
FROM ads.pool_worker_realtime
GROUP BY user_id, worker_id
HAVING COUNT(*) > 1 OR user_id IS NULL OR worker_id IS NULL
