INSERT INTO dws.btc_mempool_large_tx
SELECT
    txid,
    first_seen_at,
    output_value_sat,
    output_count,
    vsize,
    -- sorted as in dws.btc_large_tx_flow: one order whether the transaction was relayed first or only mined
    ARRAY_SORT(output_addresses) AS receiver_addresses
FROM dwd.btc_mempool_tx
WHERE problem IS NULL AND output_value_sat >= ${large_tx_threshold_sat};
