-- description: the primary key (dt, epoch) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    epoch,
    COUNT(*) AS row_count
FROM ads.difficulty_epoch
GROUP BY dt, epoch
HAVING COUNT(*) > 1 OR dt IS NULL OR epoch IS NULL
