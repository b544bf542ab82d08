CREATE TEMPORARY VIEW btc_output_parsed AS
SELECT
    t.txid,
    o.vout_index,
    t.block_hash,
    t.block_height,
    t.block_time,
    o.value_sat,
    o.script_pubkey_hex,
    o.script_type,
    o.address,
    t.dt
FROM btc_tx_parsed AS t
CROSS JOIN UNNEST(t.outputs) AS o (vout_index, value_sat, script_pubkey_hex, script_type, address);
