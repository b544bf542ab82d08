-- description: sizes agree with the serialization: a block's size is its 80-byte header, the compact-size transaction count and its transactions' sizes; its weight is 4 x (header + count) plus its transactions' weights; a transaction's vsize is ceil(weight / 4) and its weight is at most 4 x size, exactly that without witness data (BIP141)
-- severity: error
SELECT
    block_hash,
    block_height,
    size,
    tx_size_sum,
    weight,
    tx_weight_sum,
    bad_vsize_txs
FROM (
    SELECT
        b.block_hash,
        b.block_height,
        b.size,
        80 + compact_size_length(CAST(b.tx_count AS BIGINT)) + t.tx_size_sum AS tx_size_sum,
        b.weight,
        4 * (80 + compact_size_length(CAST(b.tx_count AS BIGINT))) + t.tx_weight_sum AS tx_weight_sum,
        t.bad_vsize_txs
    FROM dwd.btc_block AS b
    JOIN (
        SELECT
            block_hash,
            SUM(CAST(size AS BIGINT)) AS tx_size_sum,
            SUM(CAST(weight AS BIGINT)) AS tx_weight_sum,
            SUM(
                CASE
                    WHEN vsize IS DISTINCT FROM (weight + 3) / 4 OR weight > 4 * size
                        OR (NOT has_witness AND weight <> 4 * size)
                    THEN 1
                    ELSE 0
                END) AS bad_vsize_txs
        FROM dwd.btc_tx
        GROUP BY block_hash
    ) AS t
        ON t.block_hash = b.block_hash
)
WHERE size IS DISTINCT FROM tx_size_sum
    OR weight IS DISTINCT FROM tx_weight_sum
    OR bad_vsize_txs > 0
