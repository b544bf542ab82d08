-- description: ads.chain_daily_report has one row per day of dws.btc_chain_day for the configured network (${network}) and no other, with the same block_count, tx_count, input_count, output_count and total fees (total_fee_btc = total_fee_sat / 1e8)
-- severity: error
SELECT
    dt,
    network,
    block_count,
    dws_block_count,
    tx_count,
    dws_tx_count,
    total_fee_btc,
    dws_total_fee_sat,
    problem
FROM (
    SELECT
        COALESCE(r.dt, c.dt) AS dt,
        r.network,
        r.block_count,
        c.block_count AS dws_block_count,
        r.tx_count,
        c.tx_count AS dws_tx_count,
        r.total_fee_btc,
        c.total_fee_sat AS dws_total_fee_sat,
        CASE
            WHEN r.dt IS NULL THEN 'day of dws.btc_chain_day missing from the report'
            WHEN c.dt IS NULL THEN 'report day without a dws.btc_chain_day row'
            WHEN r.network <> '${network}' THEN 'network is not the configured one'
            WHEN r.block_count IS DISTINCT FROM c.block_count THEN 'block_count differs'
            WHEN r.tx_count IS DISTINCT FROM c.tx_count THEN 'tx_count differs'
            WHEN r.input_count IS DISTINCT FROM c.input_count THEN 'input_count differs'
            WHEN r.output_count IS DISTINCT FROM c.output_count THEN 'output_count differs'
            WHEN CAST(r.total_fee_btc * 100000000 AS BIGINT) IS DISTINCT FROM c.total_fee_sat
            THEN 'total fees differ'
        END AS problem
    FROM ads.chain_daily_report AS r
    FULL OUTER JOIN dws.btc_chain_day AS c
        ON c.dt = r.dt
)
WHERE problem IS NOT NULL
