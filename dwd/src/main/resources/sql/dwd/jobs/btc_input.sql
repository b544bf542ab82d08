INSERT INTO dwd.btc_input
SELECT
    txid,
    block_hash,
    vin_index,
    prev_txid,
    prev_vout,
    sequence,
    script_sig_hex,
    witness_items,
    value_sat,
    script_type,
    address,
    prevout_script_pubkey_hex,
    prevout_source,
    block_height,
    dt
FROM btc_input_resolved;
