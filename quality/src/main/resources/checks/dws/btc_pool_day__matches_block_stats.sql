-- description: dws.btc_pool_day recomputed from dws.btc_block_stats per UTC day and pool (unattributed blocks under 'unknown'): same rows, block_count and block_share (the pool's blocks over the day's blocks)
-- severity: error
SELECT
    dt,
    pool_name,
    block_count,
    stats_block_count,
    block_share,
    stats_block_share
FROM (
    SELECT
        COALESCE(p.dt, s.dt) AS dt,
        COALESCE(p.pool_name, s.pool_name) AS pool_name,
        p.block_count,
        s.block_count AS stats_block_count,
        p.block_share,
        s.block_share AS stats_block_share
    FROM dws.btc_pool_day AS p
    FULL OUTER JOIN (
        SELECT
            x.dt,
            x.pool_name,
            x.block_count,
            CAST(x.block_count AS DOUBLE) / d.block_count AS block_share
        FROM (
            SELECT
                dt,
                COALESCE(pool_name, 'unknown') AS pool_name,
                COUNT(*) AS block_count
            FROM dws.btc_block_stats
            GROUP BY dt, COALESCE(pool_name, 'unknown')
        ) AS x
        JOIN (
            SELECT
                dt,
                COUNT(*) AS block_count
            FROM dws.btc_block_stats
            GROUP BY dt
        ) AS d
            ON d.dt = x.dt
    ) AS s
        ON s.dt = p.dt AND s.pool_name = p.pool_name
)
WHERE block_count IS DISTINCT FROM stats_block_count
    OR block_share IS NULL
    OR stats_block_share IS NULL
    OR ABS(block_share - stats_block_share) > 1e-9
