-- description: every block has exactly one coinbase transaction, at tx_index 0, and no other transaction at tx_index 0
-- severity: error
SELECT
    b.block_hash,
    b.block_height,
    COALESCE(c.coinbase_count, 0) AS coinbase_count,
    COALESCE(c.index0_count, 0) AS index0_count,
    COALESCE(c.coinbase_at_index0, 0) AS coinbase_at_index0
FROM dwd.btc_block AS b
LEFT JOIN (
    SELECT
        block_hash,
        SUM(CASE WHEN is_coinbase THEN 1 ELSE 0 END) AS coinbase_count,
        SUM(CASE WHEN tx_index = 0 THEN 1 ELSE 0 END) AS index0_count,
        SUM(CASE WHEN is_coinbase AND tx_index = 0 THEN 1 ELSE 0 END) AS coinbase_at_index0
    FROM dwd.btc_tx
    GROUP BY block_hash
) AS c
    ON c.block_hash = b.block_hash
WHERE c.block_hash IS NULL
    OR c.coinbase_count <> 1
    OR c.index0_count <> 1
    OR c.coinbase_at_index0 <> 1
