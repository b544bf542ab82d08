-- description: value issued by main-chain coinbases up to each height (coinbase outputs minus the block's fees; the whole coinbase where a fee is unknown) never exceeds the issuance schedule, the sum of block subsidies from height 0 to that height. Coinbases may pay less than allowed, so only the upper bound is checked
-- severity: error
SELECT
    block_hash,
    block_height,
    issued_to_height_sat,
    schedule_to_height_sat
FROM (
    SELECT
        i.block_hash,
        i.block_height,
        SUM(i.issued_sat) OVER (ORDER BY i.block_height ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            AS issued_to_height_sat,
        s.schedule_to_height_sat
    FROM (
        SELECT
            b.block_hash,
            b.block_height,
            cb.coinbase_value_sat - CASE WHEN f.known_fees = f.txs THEN f.fee_sat ELSE 0 END AS issued_sat
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
    ) AS i
    JOIN (
        -- sum of subsidies over heights 0..h: whole halving epochs below h's epoch, then h's epoch up to h;
        -- from epoch 33 on the subsidy (50 BTC >> epoch) is 0
        SELECT
            b.block_hash,
            SUM(
                CASE
                    WHEN e.epoch < b.block_height / b.halving_interval
                    THEN CAST(b.halving_interval AS BIGINT)
                        * block_subsidy(CAST(e.epoch AS BIGINT) * b.halving_interval, b.halving_interval)
                    WHEN e.epoch = b.block_height / b.halving_interval
                    THEN CAST(b.block_height - e.epoch * b.halving_interval + 1 AS BIGINT)
                        * block_subsidy(CAST(b.block_height AS BIGINT), b.halving_interval)
                    ELSE CAST(0 AS BIGINT)
                END) AS schedule_to_height_sat
        FROM (
            SELECT
                block_hash,
                block_height,
                CASE WHEN network = 'regtest' THEN 150 ELSE 210000 END AS halving_interval
            FROM dwd.btc_block
            WHERE in_main_chain
        ) AS b
        CROSS JOIN (
            VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16),
                (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32)
        ) AS e (epoch)
        GROUP BY b.block_hash
    ) AS s
        ON s.block_hash = i.block_hash
)
WHERE issued_to_height_sat > schedule_to_height_sat
