-- description: a check that plans but fails while running: an off-by-1000 height makes block_subsidy throw on the first blocks
-- severity: error
SELECT
    block_hash,
    block_height,
    block_subsidy(CAST(block_height AS BIGINT) - 1000, 210000) AS subsidy_sat
FROM dwd.btc_block
WHERE block_subsidy(CAST(block_height AS BIGINT) - 1000, 210000) < 0
