-- description: height_source is parent, genesis, bip34, heights_file or kafka_header (genesis exactly at height 0); in_main_chain and block_height are never NULL, heights are not negative
-- severity: error
SELECT
    block_hash,
    block_height,
    height_source,
    in_main_chain,
    problem
FROM (
    SELECT
        block_hash,
        block_height,
        height_source,
        in_main_chain,
        CASE
            WHEN height_source IS NULL OR height_source NOT IN ('parent', 'genesis', 'bip34', 'heights_file', 'kafka_header')
            THEN 'unknown height_source'
            WHEN (height_source = 'genesis') <> (block_height = 0) THEN 'genesis is not at height 0'
            WHEN in_main_chain IS NULL THEN 'in_main_chain is NULL'
            WHEN block_height IS NULL OR block_height < 0 THEN 'missing or negative height'
        END AS problem
    FROM dwd.btc_block_chain
)
WHERE problem IS NOT NULL
