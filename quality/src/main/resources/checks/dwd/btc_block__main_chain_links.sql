-- description: main-chain heights are contiguous and linked: a main-chain block's parent, when in the warehouse, is on the main chain at height - 1; when a main-chain block sits at height - 1 it is the parent (prev_block_hash); height 0 has no parent. A parent that is not in the warehouse at all is a detached segment (btc_block__detached_segments, warn)
-- severity: error
SELECT
    block_hash,
    block_height,
    prev_block_hash,
    parent_height,
    parent_in_main_chain,
    main_chain_hash_below,
    problem
FROM (
    SELECT
        b.block_hash,
        b.block_height,
        b.prev_block_hash,
        p.block_height AS parent_height,
        p.in_main_chain AS parent_in_main_chain,
        m.block_hash AS main_chain_hash_below,
        CASE
            WHEN b.block_height = 0
                AND b.prev_block_hash <> '0000000000000000000000000000000000000000000000000000000000000000'
            THEN 'height 0 with a parent'
            WHEN p.block_hash IS NOT NULL AND p.in_main_chain IS DISTINCT FROM TRUE
            THEN 'parent is not on the main chain'
            WHEN p.block_hash IS NOT NULL AND p.block_height IS DISTINCT FROM b.block_height - 1
            THEN 'height is not parent height + 1'
            WHEN p.block_hash IS NULL AND m.block_hash IS NOT NULL
            THEN 'the main-chain block at height - 1 is not the parent'
        END AS problem
    FROM dwd.btc_block AS b
    LEFT JOIN dwd.btc_block AS p
        ON p.block_hash = b.prev_block_hash
    LEFT JOIN (
        SELECT
            block_hash,
            block_height
        FROM dwd.btc_block
        WHERE in_main_chain
    ) AS m
        ON m.block_height = b.block_height - 1
    WHERE b.in_main_chain
)
WHERE problem IS NOT NULL
