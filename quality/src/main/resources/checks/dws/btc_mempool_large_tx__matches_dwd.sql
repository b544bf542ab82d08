-- description: dws.btc_mempool_large_tx holds exactly the usable dwd.btc_mempool_tx rows moving at least large-tx.threshold-sat, with the same value
-- severity: error
SELECT
    txid,
    dws_output_value_sat,
    dwd_output_value_sat
FROM (
    SELECT
        COALESCE(l.txid, d.txid) AS txid,
        l.output_value_sat AS dws_output_value_sat,
        d.output_value_sat AS dwd_output_value_sat,
        l.txid IS NOT NULL AND d.txid IS NOT NULL AS in_both
    FROM dws.btc_mempool_large_tx AS l
    FULL OUTER JOIN (
        SELECT
            txid,
            output_value_sat
        FROM dwd.btc_mempool_tx
        WHERE problem IS NULL AND output_value_sat >= ${large_tx_threshold_sat}
    ) AS d
        ON d.txid = l.txid
)
WHERE NOT in_both OR dws_output_value_sat IS DISTINCT FROM dwd_output_value_sat
