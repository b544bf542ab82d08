-- Windows are whole UTC minutes of dws.pool_worker_minute ending with the minute of as_of (btcpool's 15m and 1h
-- windows are minute slots too); a worker without shares in a window has 0 there, and a worker without shares in
-- the last hour keeps its row (offline) with zeros.
-- Why three parts: the window sums join the minute rows to the 60 minute slots of the hour ending at as_of, by
-- equality on window_start, so a new share touches one row and a new minute touches the last hour only (never the
-- whole history); the exact as_of, which moves with every newer share, is attached last, to one row per worker.
-- Each part is keyed by (user_id, worker_id), so the sink gets one worker's changes from one keyed operator, in
-- order, at any parallelism (as_of in a GROUP BY would move every worker to another group with every share).
INSERT INTO ads.pool_worker_realtime
SELECT
    w.user_id,
    w.worker_id,
    t.as_of,
    COALESCE(r.accept_1m, 0) AS accept_1m,
    COALESCE(r.accept_5m, 0) AS accept_5m,
    COALESCE(r.accept_15m, 0) AS accept_15m,
    COALESCE(r.accept_1h, 0) AS accept_1h,
    COALESCE(r.reject_1m, 0) AS reject_1m,
    COALESCE(r.reject_5m, 0) AS reject_5m,
    COALESCE(r.reject_15m, 0) AS reject_15m,
    COALESCE(r.reject_1h, 0) AS reject_1h,
    COALESCE(r.stale_15m, 0) AS stale_15m,
    COALESCE(r.stale_1h, 0) AS stale_1h,
    CAST(COALESCE(r.accept_1m, 0) AS DOUBLE) * 4294967296 / 60 AS hashrate_1m,
    CAST(COALESCE(r.accept_5m, 0) AS DOUBLE) * 4294967296 / 300 AS hashrate_5m,
    CAST(COALESCE(r.accept_15m, 0) AS DOUBLE) * 4294967296 / 900 AS hashrate_15m,
    CAST(COALESCE(r.accept_1h, 0) AS DOUBLE) * 4294967296 / 3600 AS hashrate_1h,
    w.accept_count,
    w.last_share_time,
    w.last_share_ip,
    CASE
        WHEN TIMESTAMPDIFF(SECOND, w.last_share_time, t.as_of) > ${pool_offline_threshold_s} THEN 'offline'
        ELSE 'online'
    END AS status
FROM (
    SELECT
        user_id,
        worker_id,
        SUM(accept_count) AS accept_count,
        MAX(last_share_time) AS last_share_time,
        -- the IP of the newest share: 'yyyy-MM-dd HH:mm:ss.SSS' is 23 characters, the IP follows it
        SUBSTRING(MAX(CONCAT(DATE_FORMAT(last_share_time, 'yyyy-MM-dd HH:mm:ss.SSS'), last_share_ip)) FROM 24)
            AS last_share_ip
    FROM dws.pool_worker_minute
    GROUP BY user_id, worker_id
) AS w
LEFT JOIN (
    SELECT
        m.user_id,
        m.worker_id,
        SUM(CASE WHEN s.minutes_ago < 1 THEN m.share_accept ELSE 0 END) AS accept_1m,
        SUM(CASE WHEN s.minutes_ago < 5 THEN m.share_accept ELSE 0 END) AS accept_5m,
        SUM(CASE WHEN s.minutes_ago < 15 THEN m.share_accept ELSE 0 END) AS accept_15m,
        SUM(m.share_accept) AS accept_1h,
        SUM(CASE WHEN s.minutes_ago < 1 THEN m.share_reject ELSE 0 END) AS reject_1m,
        SUM(CASE WHEN s.minutes_ago < 5 THEN m.share_reject ELSE 0 END) AS reject_5m,
        SUM(CASE WHEN s.minutes_ago < 15 THEN m.share_reject ELSE 0 END) AS reject_15m,
        SUM(m.share_reject) AS reject_1h,
        SUM(CASE WHEN s.minutes_ago < 15 THEN m.share_stale ELSE 0 END) AS stale_15m,
        SUM(m.share_stale) AS stale_1h
    FROM dws.pool_worker_minute AS m
    JOIN (
        SELECT
            TIMESTAMPADD(MINUTE, -o.n, a.as_of_minute) AS window_start,
            o.n AS minutes_ago
        FROM pool_as_of_minute AS a
        CROSS JOIN LATERAL TABLE(int_range(0, 59)) AS o(n)
    ) AS s
        ON m.window_start = s.window_start
    GROUP BY m.user_id, m.worker_id
) AS r
    ON r.user_id = w.user_id
    AND r.worker_id = w.worker_id
JOIN pool_as_of AS t
    ON t.join_key = 1;
