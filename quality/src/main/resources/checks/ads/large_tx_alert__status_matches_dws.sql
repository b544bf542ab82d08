-- description: ads.large_tx_alert holds every large transaction of dws.btc_mempool_large_tx and dws.btc_large_tx_flow, confirmed exactly when it is in a main-chain block (with that height and block), unconfirmed otherwise
-- severity: error
SELECT
    txid,
    status,
    block_height,
    dws_block_height,
    problem
FROM (
    SELECT
        COALESCE(a.txid, w.txid) AS txid,
        a.status,
        a.block_height,
        w.block_height AS dws_block_height,
        CASE
            WHEN a.txid IS NULL THEN 'missing from ads.large_tx_alert'
            WHEN w.txid IS NULL THEN 'in no DWS large-transaction table'
            WHEN a.status IS NULL OR a.status NOT IN ('unconfirmed', 'confirmed') THEN 'unknown status'
            WHEN (a.status = 'confirmed') <> w.mined THEN 'status disagrees with dws.btc_large_tx_flow'
            WHEN a.block_height IS DISTINCT FROM w.block_height THEN 'block height disagrees'
            WHEN (a.block_hash IS NULL) <> (a.block_height IS NULL) THEN 'block hash and height not both set or both NULL'
        END AS problem
    FROM ads.large_tx_alert AS a
    FULL OUTER JOIN (
        SELECT
            COALESCE(f.txid, m.txid) AS txid,
            f.block_height,
            f.txid IS NOT NULL AS mined
        FROM dws.btc_mempool_large_tx AS m
        FULL OUTER JOIN dws.btc_large_tx_flow AS f
            ON f.txid = m.txid
    ) AS w
        ON w.txid = a.txid
)
WHERE problem IS NOT NULL
