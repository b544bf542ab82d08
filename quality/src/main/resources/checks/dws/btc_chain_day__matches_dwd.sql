-- description: dws.btc_chain_day recomputed from DWD main-chain blocks per UTC day: one row per day with blocks and no other; block_count, first/last height, tx_count (rows of dwd.btc_tx), input_count (coinbase inputs excluded), output_count agree; total_fee_sat is the day's sum of DWD fees and NULL exactly when a fee is unknown
-- severity: error
SELECT
    dt,
    block_count,
    dwd_block_count,
    tx_count,
    dwd_tx_count,
    input_count,
    dwd_input_count,
    output_count,
    dwd_output_count,
    total_fee_sat,
    dwd_total_fee_sat,
    problem
FROM (
    SELECT
        COALESCE(c.dt, d.dt) AS dt,
        c.block_count,
        d.block_count AS dwd_block_count,
        c.tx_count,
        d.tx_count AS dwd_tx_count,
        c.input_count,
        d.input_count AS dwd_input_count,
        c.output_count,
        d.output_count AS dwd_output_count,
        c.total_fee_sat,
        d.total_fee_sat AS dwd_total_fee_sat,
        CASE
            WHEN c.dt IS NULL THEN 'day with main-chain blocks missing from dws.btc_chain_day'
            WHEN d.dt IS NULL THEN 'day without main-chain blocks in DWD'
            WHEN c.block_count IS DISTINCT FROM d.block_count
                OR c.first_height IS DISTINCT FROM d.first_height
                OR c.last_height IS DISTINCT FROM d.last_height
            THEN 'blocks differ'
            WHEN c.tx_count IS DISTINCT FROM d.tx_count THEN 'tx_count differs'
            WHEN c.input_count IS DISTINCT FROM d.input_count THEN 'input_count differs'
            WHEN c.output_count IS DISTINCT FROM d.output_count THEN 'output_count differs'
            WHEN c.total_fee_sat IS DISTINCT FROM d.total_fee_sat THEN 'total_fee_sat differs'
        END AS problem
    FROM dws.btc_chain_day AS c
    FULL OUTER JOIN (
        SELECT
            b.dt,
            COUNT(*) AS block_count,
            MIN(b.block_height) AS first_height,
            MAX(b.block_height) AS last_height,
            SUM(COALESCE(t.txs, 0)) AS tx_count,
            SUM(COALESCE(i.ins, 0)) AS input_count,
            SUM(COALESCE(o.outs, 0)) AS output_count,
            CASE
                WHEN SUM(COALESCE(t.known_fees, 0)) = SUM(COALESCE(t.txs, 0)) - COUNT(*)
                THEN SUM(COALESCE(t.fee_sat, 0))
            END AS total_fee_sat
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
        GROUP BY b.dt
    ) AS d
        ON d.dt = c.dt
)
WHERE problem IS NOT NULL
