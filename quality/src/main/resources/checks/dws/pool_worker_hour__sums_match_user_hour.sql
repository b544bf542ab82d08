-- description: per user and hour the worker hour rows add up to the dws.pool_user_hour row: share_accept, share_stale, share_reject, accept_count and reject_count agree, and every window exists on both sides
-- severity: error
SELECT
    dt,
    user_id,
    window_start,
    problem
FROM (
    SELECT
        COALESCE(p.dt, c.dt) AS dt,
        COALESCE(p.user_id, c.user_id) AS user_id,
        COALESCE(p.window_start, c.window_start) AS window_start,
        CASE
            WHEN p.window_start IS NULL THEN 'window missing from dws.pool_user_hour'
            WHEN c.window_start IS NULL THEN 'window without rows in dws.pool_worker_hour'
            WHEN p.share_accept <> c.share_accept THEN 'share_accept differs'
            WHEN p.share_stale <> c.share_stale THEN 'share_stale differs'
            WHEN p.share_reject <> c.share_reject THEN 'share_reject differs'
            WHEN p.accept_count <> c.accept_count OR p.reject_count <> c.reject_count THEN 'share counts differ'
        END AS problem
    FROM dws.pool_user_hour AS p
    FULL OUTER JOIN (
        SELECT
            dt,
            user_id,
            window_start,
            SUM(share_accept) AS share_accept,
            SUM(share_stale) AS share_stale,
            SUM(share_reject) AS share_reject,
            SUM(accept_count) AS accept_count,
            SUM(reject_count) AS reject_count
        FROM dws.pool_worker_hour
        GROUP BY dt, user_id, window_start
    ) AS c
        ON p.dt = c.dt AND p.user_id = c.user_id AND p.window_start = c.window_start
)
WHERE problem IS NOT NULL
