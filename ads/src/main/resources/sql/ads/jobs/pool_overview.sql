INSERT INTO ads.pool_overview
SELECT
    d.dt,
    d.hashrate,
    d.share_accept,
    d.share_stale,
    d.share_reject,
    d.reject_rate,
    d.active_workers,
    d.active_users,
    d.block_count AS blocks_found,
    d.luck,
    r.as_of,
    r.hashrate_1h,
    r.workers_online
FROM dws.pool_day AS d
LEFT JOIN (
    SELECT
        DATE_FORMAT(MAX(as_of), 'yyyy-MM-dd') AS dt,
        MAX(as_of) AS as_of,
        CAST(SUM(accept_1h) AS DOUBLE) * 4294967296 / 3600 AS hashrate_1h,
        SUM(workers_online) AS workers_online
    FROM ads.pool_user_realtime
) AS r
    ON r.dt = d.dt;
