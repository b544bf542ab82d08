INSERT INTO ads.pool_user_realtime
SELECT
    user_id,
    MAX(as_of) AS as_of,
    SUM(accept_1m) AS accept_1m,
    SUM(accept_5m) AS accept_5m,
    SUM(accept_15m) AS accept_15m,
    SUM(accept_1h) AS accept_1h,
    SUM(reject_15m) AS reject_15m,
    SUM(reject_1h) AS reject_1h,
    CAST(SUM(accept_1m) AS DOUBLE) * 4294967296 / 60 AS hashrate_1m,
    CAST(SUM(accept_5m) AS DOUBLE) * 4294967296 / 300 AS hashrate_5m,
    CAST(SUM(accept_15m) AS DOUBLE) * 4294967296 / 900 AS hashrate_15m,
    CAST(SUM(accept_1h) AS DOUBLE) * 4294967296 / 3600 AS hashrate_1h,
    SUM(CASE WHEN status = 'online' THEN 1 ELSE 0 END) AS workers_online,
    SUM(CASE WHEN status = 'offline' THEN 1 ELSE 0 END) AS workers_offline,
    MAX(last_share_time) AS last_share_time
FROM ads.pool_worker_realtime
GROUP BY user_id;
