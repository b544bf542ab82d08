-- Mirrors getblockstats in Bitcoin Core's src/rpc/blockchain.cpp: coinbase excluded from ins, sizes, weights and
-- fees; included in outs and utxo_size_inc. 41 = PER_UTXO_OVERHEAD (outpoint 36 + height/coinbase 4 + 1).
-- One row per height as the last operator (a Top-N keyed by height): a reorg's retraction of the replaced block
-- and the row of its replacement come from subtasks keyed by block hash and can reach the sink in either order;
-- keyed by height they meet in one place and leave it as one ordered update (Paimon refuses Flink's sink
-- materializer, which would otherwise do this). In batch there is one main-chain block per height: no change.
INSERT INTO dws.btc_block_stats
SELECT
    height,
    blockhash,
    `time`,
    mediantime,
    txs,
    ins,
    outs,
    subsidy,
    totalfee,
    total_out,
    total_size,
    total_weight,
    avgfee,
    avgfeerate,
    avgtxsize,
    medianfee,
    mediantxsize,
    maxfee,
    minfee,
    maxfeerate,
    minfeerate,
    maxtxsize,
    mintxsize,
    swtxs,
    swtotal_size,
    swtotal_weight,
    utxo_increase,
    utxo_size_inc,
    utxo_increase_actual,
    utxo_size_inc_actual,
    feerate_p10,
    feerate_p25,
    feerate_p50,
    feerate_p75,
    feerate_p90,
    pool_id,
    pool_name,
    bits,
    difficulty,
    block_interval_s,
    dt
FROM (
    SELECT
        b.block_height AS height,
        b.block_hash AS blockhash,
        UNIX_TIMESTAMP(DATE_FORMAT(b.block_time, 'yyyy-MM-dd HH:mm:ss')) AS `time`,
        UNIX_TIMESTAMP(DATE_FORMAT(b.median_time, 'yyyy-MM-dd HH:mm:ss')) AS mediantime,
        CAST(b.tx_count AS BIGINT) AS txs,
        t.ins,
        o.outs,
        block_subsidy(b.block_height, CASE WHEN b.network = 'regtest' THEN 150 ELSE 210000 END) AS subsidy,
        t.totalfee,
        t.total_out,
        t.total_size,
        t.total_weight,
        CASE WHEN b.tx_count > 1 THEN t.totalfee / (b.tx_count - 1) ELSE 0 END AS avgfee,
        CASE WHEN t.total_weight > 0 THEN t.totalfee * 4 / t.total_weight ELSE 0 END AS avgfeerate,
        CASE WHEN b.tx_count > 1 THEN t.total_size / (b.tx_count - 1) ELSE 0 END AS avgtxsize,
        t.medianfee,
        t.mediantxsize,
        t.maxfee,
        t.minfee,
        t.maxfeerate,
        t.minfeerate,
        t.maxtxsize,
        t.mintxsize,
        t.swtxs,
        t.swtotal_size,
        t.swtotal_weight,
        o.outs - t.ins AS utxo_increase,
        o.utxo_size_out - CASE WHEN i.block_hash IS NULL THEN 0 ELSE i.utxo_size_spent END AS utxo_size_inc,
        o.utxos - t.ins AS utxo_increase_actual,
        o.utxo_size_actual - CASE WHEN i.block_hash IS NULL THEN 0 ELSE i.utxo_size_spent END AS utxo_size_inc_actual,
        t.feerates[1] AS feerate_p10,
        t.feerates[2] AS feerate_p25,
        t.feerates[3] AS feerate_p50,
        t.feerates[4] AS feerate_p75,
        t.feerates[5] AS feerate_p90,
        cb.pool.pool_id AS pool_id,
        cb.pool.pool_name AS pool_name,
        b.bits,
        b.difficulty,
        UNIX_TIMESTAMP(DATE_FORMAT(b.block_time, 'yyyy-MM-dd HH:mm:ss'))
            - UNIX_TIMESTAMP(DATE_FORMAT(parent.block_time, 'yyyy-MM-dd HH:mm:ss')) AS block_interval_s,
        b.dt,
        ROW_NUMBER() OVER (PARTITION BY b.block_height ORDER BY b.block_hash) AS height_rank
    FROM dwd.btc_block AS b
    JOIN (
        SELECT
            block_hash,
            SUM(CASE WHEN is_coinbase THEN 0 ELSE input_count END) AS ins,
            CASE WHEN COUNT(fee_sat) = COUNT(*) - 1 THEN COALESCE(SUM(fee_sat), 0) END AS totalfee,
            SUM(CASE WHEN is_coinbase THEN 0 ELSE output_value_sat END) AS total_out,
            SUM(CASE WHEN is_coinbase THEN 0 ELSE CAST(size AS BIGINT) END) AS total_size,
            SUM(CASE WHEN is_coinbase THEN 0 ELSE CAST(weight AS BIGINT) END) AS total_weight,
            CASE WHEN COUNT(fee_sat) = COUNT(*) - 1 THEN truncated_median(fee_sat) END AS medianfee,
            truncated_median(CASE WHEN is_coinbase THEN NULL ELSE CAST(size AS BIGINT) END) AS mediantxsize,
            CASE WHEN COUNT(fee_sat) = COUNT(*) - 1 THEN COALESCE(MAX(fee_sat), 0) END AS maxfee,
            CASE WHEN COUNT(fee_sat) = COUNT(*) - 1 THEN COALESCE(MIN(fee_sat), 0) END AS minfee,
            CASE WHEN COUNT(fee_sat) = COUNT(*) - 1 THEN COALESCE(MAX(fee_sat * 4 / weight), 0) END AS maxfeerate,
            CASE WHEN COUNT(fee_sat) = COUNT(*) - 1 THEN COALESCE(MIN(fee_sat * 4 / weight), 0) END AS minfeerate,
            COALESCE(MAX(CASE WHEN is_coinbase THEN NULL ELSE CAST(size AS BIGINT) END), 0) AS maxtxsize,
            COALESCE(MIN(CASE WHEN is_coinbase THEN NULL ELSE CAST(size AS BIGINT) END), 0) AS mintxsize,
            SUM(CASE WHEN has_witness AND NOT is_coinbase THEN 1 ELSE 0 END) AS swtxs,
            SUM(CASE WHEN has_witness AND NOT is_coinbase THEN CAST(size AS BIGINT) ELSE 0 END) AS swtotal_size,
            SUM(CASE WHEN has_witness AND NOT is_coinbase THEN CAST(weight AS BIGINT) ELSE 0 END) AS swtotal_weight,
            CASE
                WHEN COUNT(fee_sat) = COUNT(*) - 1
                THEN feerate_percentiles(fee_sat, CAST(weight AS BIGINT))
            END AS feerates
        FROM dwd.btc_tx
        GROUP BY block_hash
    ) AS t
        ON t.block_hash = b.block_hash
    JOIN (
        SELECT
            block_hash,
            COUNT(*) AS outs,
            SUM(8 + compact_size_length(CHAR_LENGTH(script_pubkey_hex) / 2) + CHAR_LENGTH(script_pubkey_hex) / 2 + 41)
                AS utxo_size_out,
            SUM(CASE WHEN enters_utxo_set THEN 1 ELSE 0 END) AS utxos,
            SUM(CASE
                WHEN enters_utxo_set
                THEN 8 + compact_size_length(CHAR_LENGTH(script_pubkey_hex) / 2) + CHAR_LENGTH(script_pubkey_hex) / 2 + 41
                ELSE 0
            END) AS utxo_size_actual
        FROM (
            -- Core: the genesis outputs and the coinbases repeated before BIP30 (heights 91842, 91880) never enter
            -- the UTXO set, nor do unspendable scripts (OP_RETURN first, or longer than 10,000 bytes)
            SELECT
                o2.block_hash,
                o2.script_pubkey_hex,
                NOT (
                    o2.block_height = 0
                    OR (o2.block_height IN (91842, 91880) AND tx.is_coinbase)
                    OR SUBSTRING(o2.script_pubkey_hex, 1, 2) = '6a'
                    OR CHAR_LENGTH(o2.script_pubkey_hex) > 20000
                ) AS enters_utxo_set
            FROM dwd.btc_output AS o2
            JOIN dwd.btc_tx AS tx
                ON tx.txid = o2.txid AND tx.block_hash = o2.block_hash
        )
        GROUP BY block_hash
    ) AS o
        ON o.block_hash = b.block_hash
    LEFT JOIN (
        SELECT
            block_hash,
            CASE
                WHEN COUNT(prevout_script_pubkey_hex) = COUNT(*)
                THEN SUM(8 + compact_size_length(CHAR_LENGTH(prevout_script_pubkey_hex) / 2)
                    + CHAR_LENGTH(prevout_script_pubkey_hex) / 2 + 41)
            END AS utxo_size_spent
        FROM dwd.btc_input
        WHERE prev_vout <> 4294967295 OR prev_txid <> '0000000000000000000000000000000000000000000000000000000000000000'
        GROUP BY block_hash
    ) AS i
        ON i.block_hash = b.block_hash
    LEFT JOIN (
        SELECT
            blk.block_hash,
            mining_pool(blk.coinbase_script_sig_hex, payout.addresses) AS pool
        FROM dwd.btc_block AS blk
        LEFT JOIN (
            SELECT
                o.block_hash,
                ARRAY_SORT(ARRAY_AGG(o.address)) AS addresses
            FROM dwd.btc_output AS o
            JOIN dwd.btc_tx AS tx
                ON tx.txid = o.txid AND tx.block_hash = o.block_hash AND tx.is_coinbase
            WHERE o.address IS NOT NULL
            GROUP BY o.block_hash
        ) AS payout
            ON payout.block_hash = blk.block_hash
        WHERE blk.in_main_chain
    ) AS cb
        ON cb.block_hash = b.block_hash
    LEFT JOIN dwd.btc_block AS parent
        ON parent.block_hash = b.prev_block_hash AND parent.in_main_chain
    WHERE b.in_main_chain
)
WHERE height_rank = 1;
