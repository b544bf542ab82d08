-- An episode runs from a start to the next end of the same worker and kind (starts and ends alternate).
INSERT INTO ads.pool_worker_anomaly
SELECT
    s.user_id,
    s.worker_id,
    s.anomaly,
    s.event_time AS started_at,
    MIN(e.event_time) AS ended_at,
    TIMESTAMPDIFF(SECOND, s.event_time, MIN(e.event_time)) AS duration_s
FROM pool_worker_anomaly_event AS s
LEFT JOIN pool_worker_anomaly_event AS e
    ON e.user_id = s.user_id
    AND e.worker_id = s.worker_id
    AND e.anomaly = s.anomaly
    AND e.event = 'end'
    AND e.event_time > s.event_time
WHERE s.event = 'start'
GROUP BY s.user_id, s.worker_id, s.anomaly, s.event_time;
