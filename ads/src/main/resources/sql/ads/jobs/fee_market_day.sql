INSERT INTO ads.fee_market_day
SELECT
    dt,
    '${network}' AS network,
    block_count,
    tx_count - block_count AS tx_count,
    total_fee_sat,
    subsidy_sat,
    CAST(total_fee_sat AS DOUBLE) / (total_fee_sat + subsidy_sat) AS fee_share_of_revenue,
    CASE WHEN tx_count > block_count THEN total_fee_sat / (tx_count - block_count) END AS avg_fee_per_tx_sat,
    feerate_p10,
    feerate_p25,
    feerate_p50,
    feerate_p75,
    feerate_p90
FROM dws.btc_chain_day;
