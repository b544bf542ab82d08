-- description: the primary key (dt, pool_name) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    pool_name,
    COUNT(*) AS row_count
FROM dws.btc_pool_day
GROUP BY dt, pool_name
HAVING COUNT(*) > 1 OR dt IS NULL OR pool_name IS NULL
