-- description: largest day-over-day swing of tx_count between consecutive UTC days, as the fold change max(today, yesterday) / min(today, yesterday) (a zero day counts as 1); the newest day is left out while it is still filling (freshness watches it); more than 5x is an anomaly worth a look (missing or duplicated data)
-- severity: warn
-- observed: metric
-- threshold: 5
SELECT
    p.observed_value,
    p.dt,
    p.tx_count,
    p.prev_dt,
    p.prev_tx_count
FROM (
    SELECT
        c.dt,
        c.tx_count,
        y.dt AS prev_dt,
        y.tx_count AS prev_tx_count,
        CAST(GREATEST(c.tx_count, y.tx_count) AS DOUBLE) / GREATEST(LEAST(c.tx_count, y.tx_count), 1)
            AS observed_value
    FROM dws.btc_chain_day AS c
    JOIN dws.btc_chain_day AS y
        ON TO_DATE(y.dt) = TO_DATE(c.dt) - INTERVAL '1' DAY
    JOIN (
        SELECT
            MAX(dt) AS newest_dt
        FROM dws.btc_chain_day
    ) AS n
        ON c.dt < n.newest_dt
) AS p
JOIN (
    SELECT
        MAX(CAST(GREATEST(c.tx_count, y.tx_count) AS DOUBLE) / GREATEST(LEAST(c.tx_count, y.tx_count), 1))
            AS max_value
    FROM dws.btc_chain_day AS c
    JOIN dws.btc_chain_day AS y
        ON TO_DATE(y.dt) = TO_DATE(c.dt) - INTERVAL '1' DAY
    JOIN (
        SELECT
            MAX(dt) AS newest_dt
        FROM dws.btc_chain_day
    ) AS n
        ON c.dt < n.newest_dt
) AS m
    ON p.observed_value = m.max_value
