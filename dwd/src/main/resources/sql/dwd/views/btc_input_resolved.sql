-- Inputs with the output they spend: outputs of every block in the warehouse first, then ods.btc_prevout.
-- A txid fixes a transaction's content, so one output seen in a stale and a main block is the same output:
-- DISTINCT keeps one copy and a spend never matches twice.
CREATE TEMPORARY VIEW btc_input_resolved AS
SELECT
    t.txid,
    t.block_hash,
    i.vin_index,
    i.prev_txid,
    i.prev_vout,
    i.sequence,
    i.script_sig_hex,
    i.witness_items,
    COALESCE(o.value_sat, p.value_sat) AS value_sat,
    COALESCE(o.script_type, script_type(p.script_pubkey_hex)) AS script_type,
    COALESCE(o.address, script_address(p.script_pubkey_hex, '${network}')) AS address,
    COALESCE(o.script_pubkey_hex, p.script_pubkey_hex) AS prevout_script_pubkey_hex,
    CASE
        WHEN o.txid IS NOT NULL THEN 'warehouse'
        WHEN p.txid IS NOT NULL THEN 'prevout_file'
    END AS prevout_source,
    t.block_height,
    t.dt
FROM btc_tx_parsed AS t
CROSS JOIN UNNEST(t.inputs) AS i (vin_index, prev_txid, prev_vout, sequence, script_sig_hex, witness_items)
LEFT JOIN (
    SELECT DISTINCT
        txid,
        vout_index,
        value_sat,
        script_pubkey_hex,
        script_type,
        address
    FROM btc_output_parsed
) AS o
    ON o.txid = i.prev_txid AND CAST(o.vout_index AS BIGINT) = i.prev_vout AND NOT t.is_coinbase
LEFT JOIN ods.btc_prevout AS p
    ON p.txid = i.prev_txid AND p.vout_index = i.prev_vout AND NOT t.is_coinbase;
