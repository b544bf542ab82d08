-- description: the primary key (address, dt) is unique and not null: one row per key
-- severity: error
SELECT
    address,
    dt,
    COUNT(*) AS row_count
FROM dws.btc_address_day
GROUP BY address, dt
HAVING COUNT(*) > 1 OR address IS NULL OR dt IS NULL
