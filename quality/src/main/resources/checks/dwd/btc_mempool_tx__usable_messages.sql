-- description: every relayed transaction decodes and hashes to the txid it came under (a bad message is the node's fault: reported, not fatal)
-- severity: warn
SELECT
    txid,
    first_seen_at,
    problem
FROM dwd.btc_mempool_tx
WHERE problem IS NOT NULL
