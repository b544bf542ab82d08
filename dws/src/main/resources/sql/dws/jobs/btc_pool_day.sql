INSERT INTO dws.btc_pool_day
SELECT
    p.dt,
    p.pool_name,
    p.pool_id,
    p.block_count,
    CAST(p.block_count AS DOUBLE) / d.block_count AS block_share,
    p.fee_sat,
    p.subsidy_sat
FROM (
    SELECT
        dt,
        COALESCE(pool_name, 'unknown') AS pool_name,
        MAX(pool_id) AS pool_id,
        COUNT(*) AS block_count,
        CASE WHEN COUNT(totalfee) = COUNT(*) THEN SUM(totalfee) END AS fee_sat,
        SUM(subsidy) AS subsidy_sat
    FROM dws.btc_block_stats
    GROUP BY dt, COALESCE(pool_name, 'unknown')
) AS p
JOIN (
    SELECT
        dt,
        COUNT(*) AS block_count
    FROM dws.btc_block_stats
    GROUP BY dt
) AS d
    ON d.dt = p.dt;
