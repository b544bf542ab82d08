-- description: the primary key (txid, status) is unique and not null: one delivery per transaction and status
-- severity: error
SELECT
    txid,
    status,
    COUNT(*) AS row_count
FROM ads.alert_sent
GROUP BY txid, status
HAVING COUNT(*) > 1 OR txid IS NULL OR status IS NULL
