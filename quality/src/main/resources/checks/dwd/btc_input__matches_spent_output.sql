-- description: an input's prevout columns (value_sat, script_type, address, prevout_script_pubkey_hex) are those of the output it spends: the dwd.btc_output row when prevout_source is warehouse, the ods.btc_prevout row (decoded) when prevout_file; an input whose spent output is in dwd.btc_output is not left unknown
-- severity: error
-- runs: on-demand
SELECT
    txid,
    block_hash,
    block_height,
    vin_index,
    prevout_source,
    value_sat,
    spent_value_sat,
    address,
    spent_address
FROM (
    SELECT
        i.txid,
        i.block_hash,
        i.block_height,
        i.vin_index,
        i.prevout_source,
        i.value_sat,
        i.script_type,
        i.address,
        i.prevout_script_pubkey_hex,
        CASE
            WHEN o.txid IS NOT NULL THEN 'warehouse'
            WHEN p.txid IS NOT NULL THEN 'prevout_file'
        END AS spent_source,
        COALESCE(o.value_sat, p.value_sat) AS spent_value_sat,
        COALESCE(o.script_type, script_type(p.script_pubkey_hex)) AS spent_script_type,
        COALESCE(o.address, script_address(p.script_pubkey_hex, '${network}')) AS spent_address,
        COALESCE(o.script_pubkey_hex, p.script_pubkey_hex) AS spent_script_pubkey_hex
    FROM dwd.btc_input AS i
    LEFT JOIN (
        SELECT DISTINCT
            txid,
            vout_index,
            value_sat,
            script_pubkey_hex,
            script_type,
            address
        FROM dwd.btc_output
    ) AS o
        ON o.txid = i.prev_txid AND CAST(o.vout_index AS BIGINT) = i.prev_vout
            AND i.prev_txid <> '0000000000000000000000000000000000000000000000000000000000000000'
    LEFT JOIN ods.btc_prevout AS p
        ON p.txid = i.prev_txid AND p.vout_index = i.prev_vout
            AND i.prev_txid <> '0000000000000000000000000000000000000000000000000000000000000000'
)
WHERE prevout_source IS DISTINCT FROM spent_source
    OR value_sat IS DISTINCT FROM spent_value_sat
    OR script_type IS DISTINCT FROM spent_script_type
    OR address IS DISTINCT FROM spent_address
    OR prevout_script_pubkey_hex IS DISTINCT FROM spent_script_pubkey_hex
