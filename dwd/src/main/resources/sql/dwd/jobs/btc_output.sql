INSERT INTO dwd.btc_output
SELECT
    txid,
    vout_index,
    block_hash,
    block_height,
    block_time,
    value_sat,
    script_pubkey_hex,
    script_type,
    address,
    dt
FROM btc_output_parsed;
