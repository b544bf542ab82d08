-- description: every transaction has exactly input_count rows in dwd.btc_input, and every input row belongs to a transaction in dwd.btc_tx
-- severity: error
SELECT
    txid,
    block_hash,
    input_count,
    input_rows
FROM (
    SELECT
        COALESCE(t.txid, i.txid) AS txid,
        COALESCE(t.block_hash, i.block_hash) AS block_hash,
        t.input_count,
        COALESCE(i.input_rows, 0) AS input_rows
    FROM dwd.btc_tx AS t
    FULL OUTER JOIN (
        SELECT
            txid,
            block_hash,
            COUNT(*) AS input_rows
        FROM dwd.btc_input
        GROUP BY txid, block_hash
    ) AS i
        ON i.txid = t.txid AND i.block_hash = t.block_hash
)
WHERE input_count IS NULL OR input_count <> input_rows
