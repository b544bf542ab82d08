-- description: ads.mining_pool_share_day has one row per (day, pool) of dws.btc_pool_day and no other, with the same block_count and block_share
-- severity: error
SELECT
    dt,
    pool_name,
    block_count,
    dws_block_count,
    block_share,
    dws_block_share
FROM (
    SELECT
        COALESCE(a.dt, p.dt) AS dt,
        COALESCE(a.pool_name, p.pool_name) AS pool_name,
        a.block_count,
        p.block_count AS dws_block_count,
        a.block_share,
        p.block_share AS dws_block_share
    FROM ads.mining_pool_share_day AS a
    FULL OUTER JOIN dws.btc_pool_day AS p
        ON p.dt = a.dt AND p.pool_name = a.pool_name
)
WHERE block_count IS DISTINCT FROM dws_block_count
    OR block_share IS DISTINCT FROM dws_block_share
