-- description: each transaction agrees with its rows in dwd.btc_input and dwd.btc_output: input_count and output_count are their numbers (and no input or output row belongs to a transaction missing from dwd.btc_tx); output_value_sat is the sum of the outputs; for every non-coinbase transaction whose inputs are all known, input_value_sat is the sum of its inputs, input_value_sat = output_value_sat + fee_sat and fee_sat >= 0; fee_rate_sat_vb is fee_sat / vsize (as dwd/jobs/btc_tx.sql rounds it); unknown stays NULL (input value and fee of the coinbase and of transactions with an unknown prevout); every input and output row carries its transaction's block_height and dt, every output row its block_time (btc_block__matches_tx holds the transaction to its block)
-- severity: error
SELECT
    txid,
    block_hash,
    block_height,
    input_count,
    input_rows,
    output_count,
    output_rows,
    input_value_sat,
    output_value_sat,
    fee_sat,
    inputs_sum_sat,
    outputs_sum_sat,
    dt,
    problem
FROM (
    SELECT
        COALESCE(t.txid, r.txid) AS txid,
        COALESCE(t.block_hash, r.block_hash) AS block_hash,
        t.block_height,
        t.input_count,
        COALESCE(r.input_rows, 0) AS input_rows,
        t.output_count,
        COALESCE(r.output_rows, 0) AS output_rows,
        t.input_value_sat,
        t.output_value_sat,
        t.fee_sat,
        r.inputs_sum_sat,
        r.outputs_sum_sat,
        t.dt,
        CASE
            WHEN t.txid IS NULL
            THEN 'input or output rows of a transaction that is not in dwd.btc_tx'
            WHEN t.input_count IS DISTINCT FROM COALESCE(r.input_rows, 0)
            THEN 'input_count is not the number of input rows'
            WHEN t.output_count IS DISTINCT FROM COALESCE(r.output_rows, 0)
            THEN 'output_count is not the number of output rows'
            WHEN t.output_value_sat IS DISTINCT FROM r.outputs_sum_sat
            THEN 'output_value_sat is not the sum of the outputs'
            WHEN t.fee_sat < 0
            THEN 'negative fee'
            WHEN t.is_coinbase AND (t.input_value_sat IS NOT NULL OR t.fee_sat IS NOT NULL)
            THEN 'coinbase with an input value or fee'
            WHEN NOT t.is_coinbase AND r.known_input_rows < r.input_rows
                AND (t.input_value_sat IS NOT NULL OR t.fee_sat IS NOT NULL)
            THEN 'input value or fee although a prevout is unknown'
            WHEN NOT t.is_coinbase AND r.known_input_rows = r.input_rows
                AND t.input_value_sat IS DISTINCT FROM r.inputs_sum_sat
            THEN 'input_value_sat is not the sum of the inputs'
            WHEN NOT t.is_coinbase AND r.known_input_rows = r.input_rows
                AND t.fee_sat IS DISTINCT FROM t.input_value_sat - t.output_value_sat
            THEN 'input_value_sat <> output_value_sat + fee_sat'
            WHEN t.fee_rate_sat_vb IS DISTINCT FROM CAST(CAST(t.fee_sat AS DECIMAL(20, 3)) / t.vsize AS DECIMAL(20, 3))
            THEN 'fee_rate_sat_vb is not fee_sat / vsize'
            WHEN r.height_rows <> r.input_rows + r.output_rows
                OR r.min_height IS DISTINCT FROM t.block_height OR r.max_height IS DISTINCT FROM t.block_height
            THEN 'an input or output row carries another block_height than its transaction'
            -- HASH_CODE keeps the aggregate a hash aggregate (a string MIN/MAX makes it sort); a wrong day that
            -- hashes like the right one is a 2^-32 chance
            WHEN r.dt_rows <> r.input_rows + r.output_rows
                OR r.min_dt_hash IS DISTINCT FROM HASH_CODE(t.dt) OR r.max_dt_hash IS DISTINCT FROM HASH_CODE(t.dt)
            THEN 'an input or output row carries another dt than its transaction'
            WHEN r.time_rows <> r.output_rows
                OR (r.output_rows > 0
                    AND (r.min_time IS DISTINCT FROM t.block_time OR r.max_time IS DISTINCT FROM t.block_time))
            THEN 'an output row carries another block_time than its transaction'
        END AS problem
    FROM dwd.btc_tx AS t
    -- inputs and outputs summed in one pass and joined once: the largest tables the build's checks read
    FULL OUTER JOIN (
        SELECT
            txid,
            block_hash,
            SUM(is_input) AS input_rows,
            SUM(is_known_input) AS known_input_rows,
            SUM(input_sat) AS inputs_sum_sat,
            SUM(1 - is_input) AS output_rows,
            SUM(output_sat) AS outputs_sum_sat,
            COUNT(block_height) AS height_rows,
            MIN(block_height) AS min_height,
            MAX(block_height) AS max_height,
            COUNT(dt_hash) AS dt_rows,
            MIN(dt_hash) AS min_dt_hash,
            MAX(dt_hash) AS max_dt_hash,
            COUNT(output_time) AS time_rows,
            MIN(output_time) AS min_time,
            MAX(output_time) AS max_time
        FROM (
            SELECT
                txid,
                block_hash,
                1 AS is_input,
                CASE WHEN value_sat IS NULL THEN 0 ELSE 1 END AS is_known_input,
                value_sat AS input_sat,
                CAST(NULL AS BIGINT) AS output_sat,
                block_height,
                HASH_CODE(dt) AS dt_hash,
                CAST(NULL AS TIMESTAMP(3)) AS output_time
            FROM dwd.btc_input
            UNION ALL
            SELECT
                txid,
                block_hash,
                0 AS is_input,
                0 AS is_known_input,
                CAST(NULL AS BIGINT) AS input_sat,
                value_sat AS output_sat,
                block_height,
                HASH_CODE(dt) AS dt_hash,
                block_time AS output_time
            FROM dwd.btc_output
        )
        GROUP BY txid, block_hash
    ) AS r
        ON r.txid = t.txid AND r.block_hash = t.block_hash
)
WHERE problem IS NOT NULL
