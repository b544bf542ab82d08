-- description: dws.btc_block_stats has one row per main-chain block of dwd.btc_block (same height and hash) and no other; txs, ins (coinbase input excluded), outs and subsidy recomputed from DWD agree; totalfee is the sum of the block's DWD fees (0 for a coinbase-only block) and NULL exactly when a fee is unknown
-- severity: error
SELECT
    height,
    blockhash,
    dwd_block_hash,
    txs,
    dwd_txs,
    ins,
    dwd_ins,
    outs,
    dwd_outs,
    subsidy,
    dwd_subsidy,
    totalfee,
    dwd_totalfee,
    problem
FROM (
    SELECT
        COALESCE(s.height, d.block_height) AS height,
        s.blockhash,
        d.block_hash AS dwd_block_hash,
        s.txs,
        d.txs AS dwd_txs,
        s.ins,
        d.ins AS dwd_ins,
        s.outs,
        d.outs AS dwd_outs,
        s.subsidy,
        d.subsidy AS dwd_subsidy,
        s.totalfee,
        d.totalfee AS dwd_totalfee,
        CASE
            WHEN s.height IS NULL THEN 'main-chain block missing from dws.btc_block_stats'
            WHEN d.block_height IS NULL THEN 'row without a main-chain block in dwd.btc_block'
            WHEN s.blockhash IS DISTINCT FROM d.block_hash THEN 'blockhash differs'
            WHEN s.txs IS DISTINCT FROM d.txs THEN 'txs differs'
            WHEN s.ins IS DISTINCT FROM d.ins THEN 'ins differs'
            WHEN s.outs IS DISTINCT FROM d.outs THEN 'outs differs'
            WHEN s.subsidy IS DISTINCT FROM d.subsidy THEN 'subsidy differs'
            WHEN s.totalfee IS DISTINCT FROM d.totalfee THEN 'totalfee differs'
        END AS problem
    FROM dws.btc_block_stats AS s
    FULL OUTER JOIN (
        SELECT
            b.block_height,
            b.block_hash,
            COALESCE(t.txs, 0) AS txs,
            COALESCE(i.ins, 0) AS ins,
            COALESCE(o.outs, 0) AS outs,
            block_subsidy(CAST(b.block_height AS BIGINT), CASE WHEN b.network = 'regtest' THEN 150 ELSE 210000 END)
                AS subsidy,
            CASE WHEN t.known_fees = t.txs - 1 THEN COALESCE(t.fee_sat, CAST(0 AS BIGINT)) END AS totalfee
        FROM dwd.btc_block AS b
        LEFT JOIN (
            SELECT
                block_hash,
                COUNT(*) AS txs,
                COUNT(fee_sat) AS known_fees,
                SUM(fee_sat) AS fee_sat
            FROM dwd.btc_tx
            GROUP BY block_hash
        ) AS t
            ON t.block_hash = b.block_hash
        LEFT JOIN (
            -- every input but the coinbase's, the one input that spends the null outpoint (a consensus rule)
            SELECT
                block_hash,
                SUM(
                    CASE
                        WHEN prev_vout = 4294967295
                            AND prev_txid = '0000000000000000000000000000000000000000000000000000000000000000'
                        THEN 0
                        ELSE 1
                    END) AS ins
            FROM dwd.btc_input
            GROUP BY block_hash
        ) AS i
            ON i.block_hash = b.block_hash
        LEFT JOIN (
            SELECT
                block_hash,
                COUNT(*) AS outs
            FROM dwd.btc_output
            GROUP BY block_hash
        ) AS o
            ON o.block_hash = b.block_hash
        WHERE b.in_main_chain
    ) AS d
        ON d.block_height = s.height
)
WHERE problem IS NOT NULL
