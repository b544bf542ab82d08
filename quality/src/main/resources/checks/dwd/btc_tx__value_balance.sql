-- description: output_value_sat is the sum of the transaction's outputs; for every non-coinbase transaction whose inputs are all known, input_value_sat is the sum of its inputs, input_value_sat = output_value_sat + fee_sat and fee_sat >= 0; fee_rate_sat_vb is fee_sat / vsize (as dwd/jobs/btc_tx.sql rounds it); unknown stays NULL (input value and fee of the coinbase and of transactions with an unknown prevout)
-- severity: error
SELECT
    txid,
    block_hash,
    block_height,
    input_value_sat,
    output_value_sat,
    fee_sat,
    inputs_sum_sat,
    outputs_sum_sat,
    problem
FROM (
    SELECT
        t.txid,
        t.block_hash,
        t.block_height,
        t.input_value_sat,
        t.output_value_sat,
        t.fee_sat,
        i.inputs_sum_sat,
        o.outputs_sum_sat,
        CASE
            WHEN t.output_value_sat IS DISTINCT FROM o.outputs_sum_sat
            THEN 'output_value_sat is not the sum of the outputs'
            WHEN t.fee_sat < 0
            THEN 'negative fee'
            WHEN t.is_coinbase AND (t.input_value_sat IS NOT NULL OR t.fee_sat IS NOT NULL)
            THEN 'coinbase with an input value or fee'
            WHEN NOT t.is_coinbase AND i.known_inputs < i.inputs
                AND (t.input_value_sat IS NOT NULL OR t.fee_sat IS NOT NULL)
            THEN 'input value or fee although a prevout is unknown'
            WHEN NOT t.is_coinbase AND i.known_inputs = i.inputs
                AND t.input_value_sat IS DISTINCT FROM i.inputs_sum_sat
            THEN 'input_value_sat is not the sum of the inputs'
            WHEN NOT t.is_coinbase AND i.known_inputs = i.inputs
                AND t.fee_sat IS DISTINCT FROM t.input_value_sat - t.output_value_sat
            THEN 'input_value_sat <> output_value_sat + fee_sat'
            WHEN t.fee_rate_sat_vb IS DISTINCT FROM CAST(CAST(t.fee_sat AS DECIMAL(20, 3)) / t.vsize AS DECIMAL(20, 3))
            THEN 'fee_rate_sat_vb is not fee_sat / vsize'
        END AS problem
    FROM dwd.btc_tx AS t
    LEFT JOIN (
        SELECT
            txid,
            block_hash,
            COUNT(*) AS inputs,
            COUNT(value_sat) AS known_inputs,
            SUM(value_sat) AS inputs_sum_sat
        FROM dwd.btc_input
        GROUP BY txid, block_hash
    ) AS i
        ON i.txid = t.txid AND i.block_hash = t.block_hash
    LEFT JOIN (
        SELECT
            txid,
            block_hash,
            SUM(value_sat) AS outputs_sum_sat
        FROM dwd.btc_output
        GROUP BY txid, block_hash
    ) AS o
        ON o.txid = t.txid AND o.block_hash = t.block_hash
)
WHERE problem IS NOT NULL
