-- description: ads.fee_market_day has one row per day of dws.btc_chain_day and no other, with the same block_count, subsidy and total fees, and tx_count = the day's transactions minus its coinbases
-- severity: error
SELECT
    dt,
    block_count,
    dws_block_count,
    tx_count,
    dws_non_coinbase_tx_count,
    total_fee_sat,
    dws_total_fee_sat,
    problem
FROM (
    SELECT
        COALESCE(f.dt, c.dt) AS dt,
        f.block_count,
        c.block_count AS dws_block_count,
        f.tx_count,
        c.tx_count - c.block_count AS dws_non_coinbase_tx_count,
        f.total_fee_sat,
        c.total_fee_sat AS dws_total_fee_sat,
        CASE
            WHEN f.dt IS NULL THEN 'day of dws.btc_chain_day missing from the report'
            WHEN c.dt IS NULL THEN 'report day without a dws.btc_chain_day row'
            WHEN f.network <> '${network}' THEN 'network is not the configured one'
            WHEN f.block_count IS DISTINCT FROM c.block_count THEN 'block_count differs'
            WHEN f.tx_count IS DISTINCT FROM c.tx_count - c.block_count THEN 'tx_count differs'
            WHEN f.subsidy_sat IS DISTINCT FROM c.subsidy_sat THEN 'subsidy_sat differs'
            WHEN f.total_fee_sat IS DISTINCT FROM c.total_fee_sat THEN 'total_fee_sat differs'
        END AS problem
    FROM ads.fee_market_day AS f
    FULL OUTER JOIN dws.btc_chain_day AS c
        ON c.dt = f.dt
)
WHERE problem IS NOT NULL
