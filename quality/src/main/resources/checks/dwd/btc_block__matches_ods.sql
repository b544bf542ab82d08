-- description: every block in ods.btc_block_raw has one dwd.btc_block row and every dwd.btc_block row has its ODS block, with the same header (parent, merkle root, time, version, bits, nonce, tx count, sizes, weight, network) and difficulty = bits_to_difficulty(bits)
-- severity: error
SELECT
    block_hash,
    block_height,
    ods_tx_count,
    dwd_tx_count,
    problem
FROM (
    SELECT
        COALESCE(r.block_hash, b.block_hash) AS block_hash,
        b.block_height,
        r.tx_count AS ods_tx_count,
        b.tx_count AS dwd_tx_count,
        CASE
            WHEN b.block_hash IS NULL THEN 'ODS block missing from dwd.btc_block'
            WHEN r.block_hash IS NULL THEN 'dwd.btc_block row without an ODS block'
            WHEN r.prev_block_hash IS DISTINCT FROM b.prev_block_hash
                OR r.merkle_root IS DISTINCT FROM b.merkle_root
                OR r.block_time IS DISTINCT FROM b.block_time
                OR r.tx_count IS DISTINCT FROM b.tx_count
                OR r.network IS DISTINCT FROM b.network
                OR r.version IS DISTINCT FROM b.version
                OR r.bits IS DISTINCT FROM b.bits
                OR r.nonce IS DISTINCT FROM b.nonce
                OR r.size IS DISTINCT FROM b.size
                OR r.stripped_size IS DISTINCT FROM b.stripped_size
                OR r.weight IS DISTINCT FROM b.weight
            THEN 'header differs from ODS'
            WHEN b.difficulty IS DISTINCT FROM bits_to_difficulty(b.bits) THEN 'difficulty is not that of bits'
        END AS problem
    FROM ods.btc_block_raw AS r
    FULL OUTER JOIN dwd.btc_block AS b
        ON b.block_hash = r.block_hash
)
WHERE problem IS NOT NULL
