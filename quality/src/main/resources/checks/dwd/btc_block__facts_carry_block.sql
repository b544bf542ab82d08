-- description: every dwd.btc_tx, dwd.btc_output and dwd.btc_input row carries its block's block_height and dt (and block_time, where it has one), as the DWD jobs copy them from the block; a violation is one fact table, block and set of values, with its row count
-- severity: error
SELECT
    f.fact_table,
    f.block_hash,
    f.block_height,
    b.block_height AS block_block_height,
    f.dt,
    b.dt AS block_dt,
    f.fact_rows
FROM (
    -- grouped by block first: a few rows per block meet the block table instead of every fact row
    SELECT
        fact_table,
        block_hash,
        block_height,
        block_time,
        dt,
        COUNT(*) AS fact_rows
    FROM (
        SELECT
            'btc_tx' AS fact_table,
            block_hash,
            block_height,
            block_time,
            dt
        FROM dwd.btc_tx
        UNION ALL
        SELECT
            'btc_output' AS fact_table,
            block_hash,
            block_height,
            block_time,
            dt
        FROM dwd.btc_output
        UNION ALL
        SELECT
            'btc_input' AS fact_table,
            block_hash,
            block_height,
            CAST(NULL AS TIMESTAMP(3)) AS block_time,
            dt
        FROM dwd.btc_input
    )
    GROUP BY fact_table, block_hash, block_height, block_time, dt
) AS f
JOIN dwd.btc_block AS b
    ON b.block_hash = f.block_hash
WHERE f.block_height IS DISTINCT FROM b.block_height
    OR f.dt IS DISTINCT FROM b.dt
    OR (f.fact_table <> 'btc_input' AND f.block_time IS DISTINCT FROM b.block_time)
