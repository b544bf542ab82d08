-- description: the primary key (dt, rank_by, rank) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    rank_by,
    `rank`,
    COUNT(*) AS row_count
FROM ads.address_rank_day
GROUP BY dt, rank_by, `rank`
HAVING COUNT(*) > 1 OR dt IS NULL OR rank_by IS NULL OR `rank` IS NULL
