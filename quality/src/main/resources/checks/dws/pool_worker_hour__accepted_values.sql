-- description: btcpool's definitions hold on every row: reject_rate = share_reject / (share_accept + share_reject) and lies in [0, 1], hashrate = share_accept x 2^32 / 3600 s, the sums are not negative
-- severity: error
SELECT
    dt,
    user_id,
    worker_id,
    window_start,
    share_accept,
    share_reject,
    reject_rate,
    hashrate,
    problem
FROM (
    SELECT
        *,
        CASE
            WHEN reject_rate IS NULL OR reject_rate < 0 OR reject_rate > 1 THEN 'reject_rate outside [0, 1]'
            WHEN ABS(reject_rate - CASE
                    WHEN share_reject = 0 THEN 0.0
                    ELSE CAST(share_reject AS DOUBLE) / (share_accept + share_reject)
                END) > 1e-9
            THEN 'reject_rate is not share_reject / (share_accept + share_reject)'
            WHEN hashrate IS NULL
                OR ABS(hashrate - CAST(share_accept AS DOUBLE) * 4294967296 / 3600) > 1e-9 * GREATEST(hashrate, 1.0)
            THEN 'hashrate is not share_accept x 2^32 / 3600'
            WHEN share_accept < 0 OR share_stale < 0 OR share_reject < 0 THEN 'negative difficulty sum'
        END AS problem
    FROM dws.pool_worker_hour
)
WHERE problem IS NOT NULL
