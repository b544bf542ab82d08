-- description: ads.large_tx holds exactly the transactions of dws.btc_large_tx_flow, with value_btc = output_value_sat / 1e8 and the same fee
-- severity: error
SELECT
    txid,
    dt,
    value_btc,
    dws_output_value_sat,
    fee_sat,
    dws_fee_sat
FROM (
    SELECT
        COALESCE(a.txid, f.txid) AS txid,
        COALESCE(a.dt, f.dt) AS dt,
        a.value_btc,
        f.output_value_sat AS dws_output_value_sat,
        a.fee_sat,
        f.fee_sat AS dws_fee_sat,
        a.txid IS NOT NULL AND f.txid IS NOT NULL AS in_both
    FROM ads.large_tx AS a
    FULL OUTER JOIN dws.btc_large_tx_flow AS f
        ON f.txid = a.txid AND f.dt = a.dt
)
WHERE NOT in_both
    OR CAST(value_btc * 100000000 AS BIGINT) IS DISTINCT FROM dws_output_value_sat
    OR fee_sat IS DISTINCT FROM dws_fee_sat
