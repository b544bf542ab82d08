-- description: the main chain has at most one block per height
-- severity: error
SELECT
    block_height,
    COUNT(*) AS main_chain_blocks,
    MIN(block_hash) AS first_block_hash,
    MAX(block_hash) AS last_block_hash
FROM dwd.btc_block
WHERE in_main_chain
GROUP BY block_height
HAVING COUNT(*) > 1
