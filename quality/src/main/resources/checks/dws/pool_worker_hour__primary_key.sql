-- description: the primary key (dt, user_id, worker_id, window_start) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    user_id,
    worker_id,
    window_start,
    COUNT(*) AS row_count
FROM dws.pool_worker_hour
GROUP BY dt, user_id, worker_id, window_start
HAVING COUNT(*) > 1 OR dt IS NULL OR user_id IS NULL OR worker_id IS NULL OR window_start IS NULL
