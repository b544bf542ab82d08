-- Windows are whole UTC minutes of dws.pool_worker_minute ending with the minute of as_of (btcpool's 15m and 1h
-- windows are minute slots too); a worker without shares in a window has 0 there. Grouped by the table's key
-- only (as_of is one value, so MAX): grouped by as_of too, each new share moved every worker to another group, and
-- the old group's retraction and the new group's row could reach the sink in either order above parallelism 1.
INSERT INTO ads.pool_worker_realtime
SELECT
    user_id,
    worker_id,
    MAX(as_of) AS as_of,
    SUM(CASE WHEN minutes_ago < 1 THEN share_accept ELSE 0 END) AS accept_1m,
    SUM(CASE WHEN minutes_ago < 5 THEN share_accept ELSE 0 END) AS accept_5m,
    SUM(CASE WHEN minutes_ago < 15 THEN share_accept ELSE 0 END) AS accept_15m,
    SUM(CASE WHEN minutes_ago < 60 THEN share_accept ELSE 0 END) AS accept_1h,
    SUM(CASE WHEN minutes_ago < 1 THEN share_reject ELSE 0 END) AS reject_1m,
    SUM(CASE WHEN minutes_ago < 5 THEN share_reject ELSE 0 END) AS reject_5m,
    SUM(CASE WHEN minutes_ago < 15 THEN share_reject ELSE 0 END) AS reject_15m,
    SUM(CASE WHEN minutes_ago < 60 THEN share_reject ELSE 0 END) AS reject_1h,
    SUM(CASE WHEN minutes_ago < 15 THEN share_stale ELSE 0 END) AS stale_15m,
    SUM(CASE WHEN minutes_ago < 60 THEN share_stale ELSE 0 END) AS stale_1h,
    CAST(SUM(CASE WHEN minutes_ago < 1 THEN share_accept ELSE 0 END) AS DOUBLE) * 4294967296 / 60 AS hashrate_1m,
    CAST(SUM(CASE WHEN minutes_ago < 5 THEN share_accept ELSE 0 END) AS DOUBLE) * 4294967296 / 300 AS hashrate_5m,
    CAST(SUM(CASE WHEN minutes_ago < 15 THEN share_accept ELSE 0 END) AS DOUBLE) * 4294967296 / 900 AS hashrate_15m,
    CAST(SUM(CASE WHEN minutes_ago < 60 THEN share_accept ELSE 0 END) AS DOUBLE) * 4294967296 / 3600 AS hashrate_1h,
    SUM(accept_count) AS accept_count,
    MAX(last_share_time) AS last_share_time,
    -- the IP of the newest share: 'yyyy-MM-dd HH:mm:ss.SSS' is 23 characters, the IP follows it
    SUBSTRING(MAX(CONCAT(DATE_FORMAT(last_share_time, 'yyyy-MM-dd HH:mm:ss.SSS'), last_share_ip)) FROM 24)
        AS last_share_ip,
    CASE
        WHEN TIMESTAMPDIFF(SECOND, MAX(last_share_time), MAX(as_of)) > ${pool_offline_threshold_s} THEN 'offline'
        ELSE 'online'
    END AS status
FROM (
    SELECT
        m.user_id,
        m.worker_id,
        n.as_of,
        TIMESTAMPDIFF(MINUTE, m.window_start, FLOOR(n.as_of TO MINUTE)) AS minutes_ago,
        m.share_accept,
        m.share_stale,
        m.share_reject,
        m.accept_count,
        m.last_share_time,
        m.last_share_ip
    FROM dws.pool_worker_minute AS m
    JOIN (
        SELECT
            1 AS join_key,
            MAX(last_share_time) AS as_of
        FROM dws.pool_worker_minute
    ) AS n
        ON n.join_key = 1
)
GROUP BY user_id, worker_id;
