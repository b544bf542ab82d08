-- description: dwd.btc_block carries the height, main-chain flag and chain work of dwd.btc_block_chain (ChainIndexer) for the same block
-- severity: error
SELECT
    b.block_hash,
    b.block_height,
    c.block_height AS chain_block_height,
    b.in_main_chain,
    c.in_main_chain AS chain_in_main_chain
FROM dwd.btc_block AS b
JOIN dwd.btc_block_chain AS c
    ON c.block_hash = b.block_hash
WHERE b.block_height IS DISTINCT FROM c.block_height
    OR b.in_main_chain IS DISTINCT FROM c.in_main_chain
    OR b.chain_work IS DISTINCT FROM c.chain_work
