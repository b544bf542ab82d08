-- description: the primary key (txid) is unique and not null: one alert row per large transaction
-- severity: error
SELECT
    txid,
    COUNT(*) AS row_count
FROM ads.large_tx_alert
GROUP BY txid
HAVING COUNT(*) > 1 OR txid IS NULL
