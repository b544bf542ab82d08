-- description: every solving share of dwd.pool_share (SOLVED, SOLVED_STALE, SOLVED_PRELIMINARY) has its row in dwd.pool_block_found, and nothing else does
-- severity: error
SELECT
    COALESCE(s.dt, b.dt) AS dt,
    COALESCE(s.worker_id, b.worker_id) AS worker_id,
    COALESCE(s.height, b.height) AS height,
    CASE WHEN b.dt IS NULL THEN 'solving share missing from pool_block_found' ELSE 'found block without its share' END AS problem
FROM (
    SELECT
        dt,
        height,
        worker_id,
        job_id,
        nonce
    FROM dwd.pool_share
    WHERE status_name IN ('SOLVED', 'SOLVED_STALE', 'SOLVED_PRELIMINARY')
) AS s
FULL OUTER JOIN dwd.pool_block_found AS b
    ON b.dt = s.dt AND b.height = s.height AND b.worker_id = s.worker_id AND b.job_id = s.job_id
    AND b.nonce = s.nonce
WHERE s.dt IS NULL OR b.dt IS NULL
