-- description: the primary key (dt, worker_id, job_id, session_id, nonce, share_time, version_mask) is unique and not null: one row per distinct share
-- severity: error
SELECT
    dt,
    worker_id,
    job_id,
    session_id,
    nonce,
    share_time,
    version_mask,
    COUNT(*) AS row_count
FROM dwd.pool_share
GROUP BY dt, worker_id, job_id, session_id, nonce, share_time, version_mask
HAVING COUNT(*) > 1 OR dt IS NULL OR worker_id IS NULL OR job_id IS NULL OR session_id IS NULL OR nonce IS NULL
    OR share_time IS NULL OR version_mask IS NULL
