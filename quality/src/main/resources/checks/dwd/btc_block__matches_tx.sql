-- description: every block agrees with its rows in dwd.btc_tx (one pass over the transactions for all these rules; problem names the first one broken): tx_count is their number, and no transaction row belongs to a block missing from dwd.btc_block; exactly one coinbase, at tx_index 0, and no other transaction at tx_index 0; every transaction carries the block's block_height, block_time and dt; the block's size is its 80-byte header, the compact-size transaction count and its transactions' sizes, its weight 4 x (header + count) plus their weights; each transaction's vsize is ceil(weight / 4) and its weight at most 4 x size, exactly that without witness data (BIP141); on the main chain, where every fee of the block is known, the coinbase pays at most the block subsidy (block_subsidy, halving every 210000 blocks, 150 on regtest) plus the fees
-- severity: error
SELECT
    block_hash,
    block_height,
    tx_count,
    tx_rows,
    coinbase_count,
    size,
    tx_size_sum,
    weight,
    tx_weight_sum,
    excess_sat,
    problem
FROM (
    SELECT
        COALESCE(b.block_hash, t.block_hash) AS block_hash,
        b.block_height,
        b.tx_count,
        COALESCE(t.tx_rows, 0) AS tx_rows,
        COALESCE(t.coinbase_count, 0) AS coinbase_count,
        b.size,
        80 + compact_size_length(CAST(b.tx_count AS BIGINT)) + t.tx_size_sum AS tx_size_sum,
        b.weight,
        4 * (80 + compact_size_length(CAST(b.tx_count AS BIGINT))) + t.tx_weight_sum AS tx_weight_sum,
        t.coinbase_value_sat
            - block_subsidy(CAST(b.block_height AS BIGINT), CASE WHEN b.network = 'regtest' THEN 150 ELSE 210000 END)
            - COALESCE(t.fee_sat, CAST(0 AS BIGINT)) AS excess_sat,
        CASE
            WHEN b.block_hash IS NULL
            THEN 'transaction rows of a block that is not in dwd.btc_block'
            WHEN b.tx_count IS DISTINCT FROM COALESCE(t.tx_rows, 0)
            THEN 'tx_count is not the number of transaction rows'
            WHEN COALESCE(t.coinbase_count, 0) <> 1 OR t.index0_count <> 1 OR t.coinbase_at_index0 <> 1
            THEN 'not exactly one coinbase, at tx_index 0'
            WHEN t.height_rows <> t.tx_rows
                OR t.min_height IS DISTINCT FROM b.block_height OR t.max_height IS DISTINCT FROM b.block_height
            THEN 'a transaction carries another block_height'
            -- HASH_CODE keeps the aggregate a hash aggregate (a string MIN/MAX makes it sort); a wrong day that
            -- hashes like the right one is a 2^-32 chance
            WHEN t.dt_rows <> t.tx_rows
                OR t.min_dt_hash IS DISTINCT FROM HASH_CODE(b.dt) OR t.max_dt_hash IS DISTINCT FROM HASH_CODE(b.dt)
            THEN 'a transaction carries another dt'
            WHEN t.time_rows <> t.tx_rows
                OR t.min_time IS DISTINCT FROM b.block_time OR t.max_time IS DISTINCT FROM b.block_time
            THEN 'a transaction carries another block_time'
            WHEN b.size IS DISTINCT FROM 80 + compact_size_length(CAST(b.tx_count AS BIGINT)) + t.tx_size_sum
            THEN 'size is not the header, the transaction count and the transactions'' sizes'
            WHEN b.weight IS DISTINCT FROM
                4 * (80 + compact_size_length(CAST(b.tx_count AS BIGINT))) + t.tx_weight_sum
            THEN 'weight is not 4 x (header + transaction count) plus the transactions'' weights'
            WHEN t.bad_vsize_txs > 0
            THEN 'a transaction''s vsize or weight disagrees with its size (BIP141)'
            WHEN b.in_main_chain AND t.known_fees = t.tx_rows - 1
                AND t.coinbase_value_sat > block_subsidy(CAST(b.block_height AS BIGINT),
                    CASE WHEN b.network = 'regtest' THEN 150 ELSE 210000 END) + COALESCE(t.fee_sat, CAST(0 AS BIGINT))
            THEN 'the coinbase pays more than the subsidy and the fees'
        END AS problem
    FROM dwd.btc_block AS b
    FULL OUTER JOIN (
        SELECT
            block_hash,
            COUNT(*) AS tx_rows,
            SUM(CASE WHEN is_coinbase THEN 1 ELSE 0 END) AS coinbase_count,
            SUM(CASE WHEN tx_index = 0 THEN 1 ELSE 0 END) AS index0_count,
            SUM(CASE WHEN is_coinbase AND tx_index = 0 THEN 1 ELSE 0 END) AS coinbase_at_index0,
            COUNT(block_height) AS height_rows,
            MIN(block_height) AS min_height,
            MAX(block_height) AS max_height,
            COUNT(dt) AS dt_rows,
            MIN(HASH_CODE(dt)) AS min_dt_hash,
            MAX(HASH_CODE(dt)) AS max_dt_hash,
            COUNT(block_time) AS time_rows,
            MIN(block_time) AS min_time,
            MAX(block_time) AS max_time,
            SUM(CAST(size AS BIGINT)) AS tx_size_sum,
            SUM(CAST(weight AS BIGINT)) AS tx_weight_sum,
            SUM(
                CASE
                    WHEN vsize IS DISTINCT FROM (weight + 3) / 4 OR weight > 4 * size
                        OR (NOT has_witness AND weight <> 4 * size)
                    THEN 1
                    ELSE 0
                END) AS bad_vsize_txs,
            -- the coinbase's output_value_sat, which btc_tx__matches_inputs_and_outputs holds to its outputs
            SUM(CASE WHEN is_coinbase THEN output_value_sat END) AS coinbase_value_sat,
            COUNT(CASE WHEN NOT is_coinbase THEN fee_sat END) AS known_fees,
            SUM(CASE WHEN NOT is_coinbase THEN fee_sat END) AS fee_sat
        FROM dwd.btc_tx
        GROUP BY block_hash
    ) AS t
        ON t.block_hash = b.block_hash
)
WHERE problem IS NOT NULL
