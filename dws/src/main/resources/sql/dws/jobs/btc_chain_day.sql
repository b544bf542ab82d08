INSERT INTO dws.btc_chain_day
SELECT
    s.dt,
    s.block_count,
    s.first_height,
    s.last_height,
    s.tx_count,
    s.input_count,
    s.output_count,
    s.total_out_sat,
    s.total_fee_sat,
    s.subsidy_sat,
    s.segwit_tx_count,
    COALESCE(a.active_address_count, 0) AS active_address_count,
    COALESCE(n.new_address_count, 0) AS new_address_count,
    s.avg_difficulty,
    s.avg_block_interval_s,
    hashrate_from_difficulty(s.avg_difficulty, s.avg_block_interval_s) AS est_hashrate,
    f.feerates[1] AS feerate_p10,
    f.feerates[2] AS feerate_p25,
    f.feerates[3] AS feerate_p50,
    f.feerates[4] AS feerate_p75,
    f.feerates[5] AS feerate_p90
FROM (
    SELECT
        dt,
        COUNT(*) AS block_count,
        MIN(height) AS first_height,
        MAX(height) AS last_height,
        SUM(txs) AS tx_count,
        SUM(ins) AS input_count,
        SUM(outs) AS output_count,
        SUM(total_out) AS total_out_sat,
        CASE WHEN COUNT(totalfee) = COUNT(*) THEN SUM(totalfee) END AS total_fee_sat,
        SUM(subsidy) AS subsidy_sat,
        SUM(swtxs) AS segwit_tx_count,
        AVG(difficulty) AS avg_difficulty,
        AVG(CAST(block_interval_s AS DOUBLE)) AS avg_block_interval_s
    FROM dws.btc_block_stats
    GROUP BY dt
) AS s
LEFT JOIN (
    SELECT
        dt,
        COUNT(*) AS active_address_count
    FROM dws.btc_address_day
    GROUP BY dt
) AS a
    ON a.dt = s.dt
LEFT JOIN (
    SELECT
        first_dt AS dt,
        COUNT(*) AS new_address_count
    FROM (
        SELECT
            address,
            MIN(dt) AS first_dt
        FROM dws.btc_address_day
        GROUP BY address
    )
    GROUP BY first_dt
) AS n
    ON n.dt = s.dt
LEFT JOIN (
    SELECT
        tx.dt,
        CASE
            WHEN COUNT(tx.fee_sat) = COUNT(*)
            THEN feerate_percentiles(tx.fee_sat, CAST(tx.weight AS BIGINT))
        END AS feerates
    FROM dwd.btc_tx AS tx
    JOIN dwd.btc_block AS b
        ON b.block_hash = tx.block_hash AND b.in_main_chain
    WHERE NOT tx.is_coinbase
    GROUP BY tx.dt
) AS f
    ON f.dt = s.dt;
