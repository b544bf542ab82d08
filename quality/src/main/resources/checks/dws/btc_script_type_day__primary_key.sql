-- description: the primary key (dt, script_type) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    script_type,
    COUNT(*) AS row_count
FROM dws.btc_script_type_day
GROUP BY dt, script_type
HAVING COUNT(*) > 1 OR dt IS NULL OR script_type IS NULL
