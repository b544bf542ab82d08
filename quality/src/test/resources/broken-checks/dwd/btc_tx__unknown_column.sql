-- description: a check that cannot be planned: it names a column dwd.btc_tx does not have
-- severity: error
SELECT
    txid,
    block_hash,
    fee_rate
FROM dwd.btc_tx
WHERE fee_rate < 0
