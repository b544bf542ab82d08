-- description: every block in ods.btc_block_raw has one dwd.btc_block_chain row (height, main-chain flag) and every chain row has its ODS block
-- severity: error
SELECT
    block_hash,
    block_height,
    problem
FROM (
    SELECT
        COALESCE(r.block_hash, c.block_hash) AS block_hash,
        c.block_height,
        CASE
            WHEN c.block_hash IS NULL THEN 'ODS block missing from dwd.btc_block_chain'
            WHEN r.block_hash IS NULL THEN 'dwd.btc_block_chain row without an ODS block'
        END AS problem
    FROM ods.btc_block_raw AS r
    FULL OUTER JOIN dwd.btc_block_chain AS c
        ON c.block_hash = r.block_hash
)
WHERE problem IS NOT NULL
