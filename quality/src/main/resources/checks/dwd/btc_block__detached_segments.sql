-- description: main-chain blocks above height 0 whose parent is not in the warehouse and with no main-chain block at height - 1: the first block of a detached segment (a gap in the loaded chain); reported, not failed
-- severity: warn
SELECT
    b.block_hash,
    b.block_height,
    b.prev_block_hash AS missing_parent_hash,
    b.block_time
FROM dwd.btc_block AS b
LEFT JOIN dwd.btc_block AS p
    ON p.block_hash = b.prev_block_hash
LEFT JOIN (
    SELECT
        block_height
    FROM dwd.btc_block
    WHERE in_main_chain
) AS m
    ON m.block_height = b.block_height - 1
WHERE b.in_main_chain
    AND b.block_height > 0
    AND p.block_hash IS NULL
    AND m.block_height IS NULL
