-- description: the primary key (dt, height, worker_id, job_id, nonce) is unique and not null: one row per solving share
-- severity: error
SELECT
    dt,
    height,
    worker_id,
    job_id,
    nonce,
    COUNT(*) AS row_count
FROM dwd.pool_block_found
GROUP BY dt, height, worker_id, job_id, nonce
HAVING COUNT(*) > 1 OR dt IS NULL OR height IS NULL OR worker_id IS NULL OR job_id IS NULL OR nonce IS NULL
