INSERT INTO ads.chain_daily_report
SELECT
    c.dt,
    '${network}' AS network,
    c.block_count,
    c.first_height,
    c.last_height,
    c.tx_count,
    c.segwit_tx_count,
    CASE
        WHEN c.tx_count > c.block_count
        THEN CAST(c.segwit_tx_count AS DOUBLE) / (c.tx_count - c.block_count)
    END AS segwit_tx_share,
    c.input_count,
    c.output_count,
    sat_to_btc(c.total_out_sat) AS total_out_btc,
    sat_to_btc(c.total_fee_sat) AS total_fee_btc,
    c.feerate_p50 AS median_fee_rate_sat_vb,
    c.active_address_count,
    c.new_address_count,
    c.avg_difficulty,
    c.est_hashrate / 1e18 AS est_hashrate_ehs,
    p.pool_name AS top_pool_name,
    p.block_share AS top_pool_block_share
FROM dws.btc_chain_day AS c
LEFT JOIN (
    SELECT
        dt,
        pool_name,
        block_share
    FROM (
        SELECT
            dt,
            pool_name,
            block_share,
            ROW_NUMBER() OVER (PARTITION BY dt ORDER BY block_count DESC, pool_name) AS rn
        FROM dws.btc_pool_day
    )
    WHERE rn = 1
) AS p
    ON p.dt = c.dt;
