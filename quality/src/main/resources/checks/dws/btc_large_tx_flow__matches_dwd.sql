-- description: dws.btc_large_tx_flow holds exactly the DWD main-chain non-coinbase transactions whose outputs total at least large-tx.threshold-sat, with their output value and fee
-- severity: error
SELECT
    txid,
    dt,
    output_value_sat,
    dwd_output_value_sat,
    fee_sat,
    dwd_fee_sat
FROM (
    SELECT
        COALESCE(f.txid, d.txid) AS txid,
        COALESCE(f.dt, d.dt) AS dt,
        f.output_value_sat,
        d.output_value_sat AS dwd_output_value_sat,
        f.fee_sat,
        d.fee_sat AS dwd_fee_sat,
        f.txid IS NOT NULL AND d.txid IS NOT NULL AS in_both
    FROM dws.btc_large_tx_flow AS f
    FULL OUTER JOIN (
        SELECT
            t.txid,
            t.dt,
            t.output_value_sat,
            t.fee_sat
        FROM dwd.btc_tx AS t
        JOIN dwd.btc_block AS b
            ON b.block_hash = t.block_hash AND b.in_main_chain
        WHERE NOT t.is_coinbase AND t.output_value_sat >= ${large_tx_threshold_sat}
    ) AS d
        ON d.txid = f.txid AND d.dt = f.dt
)
WHERE NOT in_both
    OR output_value_sat IS DISTINCT FROM dwd_output_value_sat
    OR fee_sat IS DISTINCT FROM dwd_fee_sat
