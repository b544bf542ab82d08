-- description: every transaction has exactly output_count rows in dwd.btc_output, and every output row belongs to a transaction in dwd.btc_tx
-- severity: error
SELECT
    txid,
    block_hash,
    output_count,
    output_rows
FROM (
    SELECT
        COALESCE(t.txid, o.txid) AS txid,
        COALESCE(t.block_hash, o.block_hash) AS block_hash,
        t.output_count,
        COALESCE(o.output_rows, 0) AS output_rows
    FROM dwd.btc_tx AS t
    FULL OUTER JOIN (
        SELECT
            txid,
            block_hash,
            COUNT(*) AS output_rows
        FROM dwd.btc_output
        GROUP BY txid, block_hash
    ) AS o
        ON o.txid = t.txid AND o.block_hash = t.block_hash
)
WHERE output_count IS NULL OR output_count <> output_rows
