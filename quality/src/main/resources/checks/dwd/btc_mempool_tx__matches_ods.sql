-- description: every message of ods.btc_mempool_tx has its row in dwd.btc_mempool_tx with the same first_seen_at, and no other row exists
-- severity: error
SELECT
    txid,
    ods_first_seen_at,
    dwd_first_seen_at
FROM (
    SELECT
        COALESCE(o.txid, d.txid) AS txid,
        o.first_seen_at AS ods_first_seen_at,
        d.first_seen_at AS dwd_first_seen_at,
        o.txid IS NOT NULL AND d.txid IS NOT NULL AS in_both
    FROM ods.btc_mempool_tx AS o
    FULL OUTER JOIN dwd.btc_mempool_tx AS d
        ON d.txid = o.txid
)
WHERE NOT in_both OR ods_first_seen_at IS DISTINCT FROM dwd_first_seen_at
