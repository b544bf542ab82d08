-- description: every block has exactly dwd.btc_block.tx_count rows in dwd.btc_tx, and every transaction row belongs to a block in dwd.btc_block
-- severity: error
SELECT
    block_hash,
    block_height,
    block_tx_count,
    tx_rows
FROM (
    SELECT
        COALESCE(b.block_hash, t.block_hash) AS block_hash,
        b.block_height,
        b.tx_count AS block_tx_count,
        COALESCE(t.tx_rows, 0) AS tx_rows
    FROM dwd.btc_block AS b
    FULL OUTER JOIN (
        SELECT
            block_hash,
            COUNT(*) AS tx_rows
        FROM dwd.btc_tx
        GROUP BY block_hash
    ) AS t
        ON t.block_hash = b.block_hash
)
WHERE block_tx_count IS NULL OR block_tx_count <> tx_rows
