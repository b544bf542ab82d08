-- One row per (txid, dt) as the last operator (a Top-N keyed by the table's key): when a reorg moves a
-- transaction to the replacing block, the old row's retraction and the new row come from subtasks keyed by block
-- hash and could reach the sink in either order (see dws.btc_block_stats). In batch: one row per key anyway.
INSERT INTO dws.btc_large_tx_flow
SELECT
    txid,
    dt,
    block_height,
    block_time,
    output_value_sat,
    input_value_sat,
    fee_sat,
    sender_addresses,
    receiver_addresses
FROM (
    SELECT
        t.txid,
        t.dt,
        t.block_height,
        t.block_time,
        t.output_value_sat,
        t.input_value_sat,
        t.fee_sat,
        s.addresses AS sender_addresses,
        r.addresses AS receiver_addresses,
        ROW_NUMBER() OVER (PARTITION BY t.txid, t.dt ORDER BY t.block_hash) AS key_rank
    FROM dwd.btc_tx AS t
    JOIN dwd.btc_block AS b
        ON b.block_hash = t.block_hash AND b.in_main_chain
    LEFT JOIN (
        SELECT
            txid,
            block_hash,
            ARRAY_SORT(ARRAY_AGG(DISTINCT address)) AS addresses
        FROM dwd.btc_input
        WHERE address IS NOT NULL
        GROUP BY txid, block_hash
    ) AS s
        ON s.txid = t.txid AND s.block_hash = t.block_hash
    LEFT JOIN (
        SELECT
            txid,
            block_hash,
            ARRAY_SORT(ARRAY_AGG(DISTINCT address)) AS addresses
        FROM dwd.btc_output
        WHERE address IS NOT NULL
        GROUP BY txid, block_hash
    ) AS r
        ON r.txid = t.txid AND r.block_hash = t.block_hash
    WHERE NOT t.is_coinbase AND t.output_value_sat >= ${large_tx_threshold_sat}
)
WHERE key_rank = 1;
