-- description: the primary key (dt, window_start) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    window_start,
    COUNT(*) AS row_count
FROM dws.pool_hour
GROUP BY dt, window_start
HAVING COUNT(*) > 1 OR dt IS NULL OR window_start IS NULL
