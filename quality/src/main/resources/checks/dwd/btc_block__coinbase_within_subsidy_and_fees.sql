-- description: a main-chain block's coinbase pays at most the block subsidy (block_subsidy, halving every 210000 blocks, 150 on regtest) plus the block's fees; checked where every fee of the block is known
-- severity: error
SELECT
    block_hash,
    block_height,
    coinbase_value_sat,
    subsidy_sat,
    fee_sat,
    coinbase_value_sat - subsidy_sat - fee_sat AS excess_sat
FROM (
    SELECT
        b.block_hash,
        b.block_height,
        cb.coinbase_value_sat,
        block_subsidy(CAST(b.block_height AS BIGINT), CASE WHEN b.network = 'regtest' THEN 150 ELSE 210000 END)
            AS subsidy_sat,
        CASE WHEN f.block_hash IS NULL THEN CAST(0 AS BIGINT) ELSE f.fee_sat END AS fee_sat,
        f.block_hash IS NULL OR f.known_fees = f.txs AS fees_known
    FROM dwd.btc_block AS b
    JOIN (
        -- the coinbase's output_value_sat, which btc_tx__matches_inputs_and_outputs holds to its outputs
        SELECT
            block_hash,
            output_value_sat AS coinbase_value_sat
        FROM dwd.btc_tx
        WHERE is_coinbase
    ) AS cb
        ON cb.block_hash = b.block_hash
    LEFT JOIN (
        SELECT
            block_hash,
            COUNT(*) AS txs,
            COUNT(fee_sat) AS known_fees,
            SUM(fee_sat) AS fee_sat
        FROM dwd.btc_tx
        WHERE NOT is_coinbase
        GROUP BY block_hash
    ) AS f
        ON f.block_hash = b.block_hash
    WHERE b.in_main_chain
)
WHERE fees_known AND coinbase_value_sat > subsidy_sat + fee_sat
