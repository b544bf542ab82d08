-- Per worker minute row of dws.pool_worker_minute: its last share and the first share of the worker within the next
-- pool.offline-threshold-s / 60 + 2 minute rows (NULL when there is none), the only ones that can follow it within
-- the offline threshold. A minute whose next_share_time is NULL is where an offline period may start.
CREATE TEMPORARY VIEW pool_worker_minute_next_share AS
SELECT
    m.user_id,
    m.worker_id,
    m.window_start,
    m.last_share_time,
    later_share.next_share_time
FROM dws.pool_worker_minute AS m
LEFT JOIN (
    SELECT
        user_id,
        worker_id,
        TIMESTAMPADD(MINUTE, -o.n, window_start) AS earlier_minute,
        MIN(first_share_time) AS next_share_time
    FROM dws.pool_worker_minute
    CROSS JOIN LATERAL TABLE(int_range(1, ${pool_offline_threshold_s} / 60 + 2)) AS o(n)
    GROUP BY user_id, worker_id, TIMESTAMPADD(MINUTE, -o.n, window_start)
) AS later_share
    ON later_share.user_id = m.user_id
    AND later_share.worker_id = m.worker_id
    AND later_share.earlier_minute = m.window_start;
