-- Where each worker anomaly starts and ends ('start' / 'end' rows, event_time UTC), from minute rows only: plain
-- joins and GROUP BYs, no OVER window, so batch and streaming list the same events.
-- hashrate_drop, reject_spike: a start is a minute whose condition holds when the minute before did not; an end is
-- the first minute after a held one where it no longer does (only up to the minute of as_of: later is not known).
-- offline: as in ads.pool_worker_realtime, no share for more than pool.offline-threshold-s. It starts that long
-- after a share no other share followed within that time (once as_of is past it) and ends with the next share.
-- Shares within the threshold are at most threshold / 60 + 2 minute rows apart, so only those are compared.
CREATE TEMPORARY VIEW pool_worker_anomaly_event AS
SELECT
    c.user_id,
    c.worker_id,
    c.anomaly,
    'start' AS event,
    c.minute_start AS event_time
FROM pool_worker_minute_condition AS c
LEFT JOIN pool_worker_minute_condition AS prior_c
    ON prior_c.user_id = c.user_id
    AND prior_c.worker_id = c.worker_id
    AND prior_c.anomaly = c.anomaly
    AND prior_c.minute_start = TIMESTAMPADD(MINUTE, -1, c.minute_start)
WHERE c.is_active
    AND NOT COALESCE(prior_c.is_active, FALSE)
UNION ALL
SELECT
    c.user_id,
    c.worker_id,
    c.anomaly,
    'end' AS event,
    TIMESTAMPADD(MINUTE, 1, c.minute_start) AS event_time
FROM pool_worker_minute_condition AS c
JOIN pool_as_of AS t
    ON t.join_key = 1
LEFT JOIN pool_worker_minute_condition AS next_c
    ON next_c.user_id = c.user_id
    AND next_c.worker_id = c.worker_id
    AND next_c.anomaly = c.anomaly
    AND next_c.minute_start = TIMESTAMPADD(MINUTE, 1, c.minute_start)
WHERE c.is_active
    AND NOT COALESCE(next_c.is_active, FALSE)
    AND c.minute_start < t.as_of_minute
UNION ALL
SELECT
    m.user_id,
    m.worker_id,
    'offline' AS anomaly,
    'start' AS event,
    TIMESTAMPADD(SECOND, ${pool_offline_threshold_s}, m.last_share_time) AS event_time
FROM dws.pool_worker_minute AS m
JOIN pool_as_of AS t
    ON t.join_key = 1
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
    AND later_share.earlier_minute = m.window_start
WHERE COALESCE(later_share.next_share_time, t.as_of) > TIMESTAMPADD(SECOND, ${pool_offline_threshold_s}, m.last_share_time)
UNION ALL
SELECT
    m.user_id,
    m.worker_id,
    'offline' AS anomaly,
    'end' AS event,
    m.first_share_time AS event_time
FROM dws.pool_worker_minute AS m
JOIN (
    SELECT
        user_id,
        worker_id,
        MIN(window_start) AS first_minute
    FROM dws.pool_worker_minute
    GROUP BY user_id, worker_id
) AS w
    ON w.user_id = m.user_id
    AND w.worker_id = m.worker_id
LEFT JOIN (
    SELECT
        user_id,
        worker_id,
        TIMESTAMPADD(MINUTE, o.n, window_start) AS later_minute,
        MAX(last_share_time) AS previous_share_time
    FROM dws.pool_worker_minute
    CROSS JOIN LATERAL TABLE(int_range(1, ${pool_offline_threshold_s} / 60 + 2)) AS o(n)
    GROUP BY user_id, worker_id, TIMESTAMPADD(MINUTE, o.n, window_start)
) AS earlier_share
    ON earlier_share.user_id = m.user_id
    AND earlier_share.worker_id = m.worker_id
    AND earlier_share.later_minute = m.window_start
WHERE m.window_start > w.first_minute
    AND (earlier_share.previous_share_time IS NULL
        OR m.first_share_time > TIMESTAMPADD(SECOND, ${pool_offline_threshold_s}, earlier_share.previous_share_time));
