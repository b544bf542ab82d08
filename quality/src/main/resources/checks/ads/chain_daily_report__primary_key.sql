-- description: the primary key (dt, network) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    network,
    COUNT(*) AS row_count
FROM ads.chain_daily_report
GROUP BY dt, network
HAVING COUNT(*) > 1 OR dt IS NULL OR network IS NULL
