-- description: totalfee is known (not NULL) for every main-chain block whose fees are all known in dwd.btc_tx; Bitcoin Core reports 0 for a block with only its coinbase
-- severity: warn
SELECT
    s.height,
    s.blockhash,
    s.txs,
    s.totalfee,
    t.dwd_totalfee
FROM dws.btc_block_stats AS s
JOIN (
    SELECT
        block_hash,
        COALESCE(SUM(fee_sat), CAST(0 AS BIGINT)) AS dwd_totalfee
    FROM dwd.btc_tx
    GROUP BY block_hash
    HAVING COUNT(fee_sat) = COUNT(*) - 1
) AS t
    ON t.block_hash = s.blockhash
WHERE s.totalfee IS NULL
