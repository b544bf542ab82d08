-- description: the primary key (user_id) is unique and not null: one row per key
-- severity: error
SELECT
    user_id,
    COUNT(*) AS row_count
FROM ads.pool_user_realtime
GROUP BY user_id
HAVING COUNT(*) > 1 OR user_id IS NULL
