-- Input value and fee are known only when every input's prevout is known; the coinbase has neither.
INSERT INTO dwd.btc_tx
SELECT
    t.txid,
    t.block_hash,
    t.wtxid,
    t.block_height,
    t.block_time,
    t.tx_index,
    t.version,
    t.locktime,
    t.size,
    t.vsize,
    t.weight,
    t.is_coinbase,
    t.has_witness,
    CARDINALITY(t.inputs) AS input_count,
    CARDINALITY(t.outputs) AS output_count,
    s.input_value_sat,
    t.output_value_sat,
    s.input_value_sat - t.output_value_sat AS fee_sat,
    CAST(CAST(s.input_value_sat - t.output_value_sat AS DECIMAL(20, 3)) / t.vsize AS DECIMAL(20, 3)) AS fee_rate_sat_vb,
    t.is_rbf_signaling,
    t.dt
FROM btc_tx_parsed AS t
LEFT JOIN (
    SELECT
        txid,
        block_hash,
        CASE WHEN COUNT(value_sat) = COUNT(*) THEN SUM(value_sat) END AS input_value_sat
    FROM btc_input_resolved
    GROUP BY txid, block_hash
) AS s
    ON s.txid = t.txid AND s.block_hash = t.block_hash AND NOT t.is_coinbase;
