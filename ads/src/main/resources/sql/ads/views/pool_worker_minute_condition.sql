-- Per worker, UTC minute up to the minute of as_of and anomaly kind: whether the condition holds in that minute.
-- Each minute row of dws.pool_worker_minute is spread over the 65 minutes whose windows contain it (offset 0-4: the
-- 5 minutes ending with that minute; 5-64: the 60 minutes before those, the worker's own 1h baseline), then summed
-- with a plain GROUP BY: sliding windows that run the same in batch and streaming. A minute no row reaches has no
-- accepted or rejected difficulty in either window, so no condition holds there; the absence of a row says so.
CREATE TEMPORARY VIEW pool_worker_minute_condition AS
SELECT
    w.user_id,
    w.worker_id,
    w.minute_start,
    k.anomaly,
    CASE k.anomaly
        -- hashrate of the 5 minutes (x 2^32 / 300) below (1 - drop) x hashrate of the hour before (x 2^32 / 3600)
        WHEN 'hashrate_drop' THEN w.accept_baseline > 0
            AND CAST(w.accept_5m AS DOUBLE) / 300 < (1 - ${pool_anomaly_hashrate_drop}) * w.accept_baseline / 3600
        -- btcpool's reject_rate = reject / (accept + reject), stale excluded, over the 5 minutes
        ELSE w.share_reject_5m > 0
            AND CAST(w.share_reject_5m AS DOUBLE) / (w.accept_5m + w.share_reject_5m) > ${pool_anomaly_reject_rate}
    END AS is_active
FROM (
    SELECT
        user_id,
        worker_id,
        minute_start,
        SUM(CASE WHEN minutes_after < 5 THEN share_accept ELSE 0 END) AS accept_5m,
        SUM(CASE WHEN minutes_after < 5 THEN share_reject ELSE 0 END) AS share_reject_5m,
        SUM(CASE WHEN minutes_after >= 5 THEN share_accept ELSE 0 END) AS accept_baseline
    FROM (
        SELECT
            m.user_id,
            m.worker_id,
            TIMESTAMPADD(MINUTE, o.n, m.window_start) AS minute_start,
            o.n AS minutes_after,
            m.share_accept,
            m.share_reject
        FROM dws.pool_worker_minute AS m
        CROSS JOIN LATERAL TABLE(int_range(0, 64)) AS o(n)
    )
    GROUP BY user_id, worker_id, minute_start
) AS w
JOIN pool_as_of_minute AS t
    ON t.join_key = 1
CROSS JOIN UNNEST(ARRAY['hashrate_drop', 'reject_spike']) AS k(anomaly)
WHERE w.minute_start <= t.as_of_minute;
