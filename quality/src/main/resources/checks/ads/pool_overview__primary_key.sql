-- description: the primary key (dt) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    COUNT(*) AS row_count
FROM ads.pool_overview
GROUP BY dt
HAVING COUNT(*) > 1 OR dt IS NULL
