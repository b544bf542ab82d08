-- description: script_type and address are what script_type() and script_address() decode from script_pubkey_hex (an edited type or address that is still a valid name is caught here, not only in the DWS day sums)
-- severity: error
-- runs: on-demand
SELECT
    txid,
    vout_index,
    block_hash,
    block_height,
    script_type,
    address
FROM dwd.btc_output
WHERE script_type IS DISTINCT FROM script_type(script_pubkey_hex)
    OR address IS DISTINCT FROM script_address(script_pubkey_hex, '${network}')
