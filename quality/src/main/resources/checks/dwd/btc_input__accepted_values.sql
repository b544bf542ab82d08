-- description: prevout_source is warehouse, prevout_file or NULL (unknown); a known prevout has its value and one of Bitcoin Core's 11 script types, an unknown one (and the coinbase input) has neither
-- severity: error
SELECT
    txid,
    block_hash,
    vin_index,
    prevout_source,
    script_type,
    value_sat,
    problem
FROM (
    SELECT
        txid,
        block_hash,
        vin_index,
        prevout_source,
        script_type,
        value_sat,
        CASE
            WHEN prevout_source IS NOT NULL AND prevout_source NOT IN ('warehouse', 'prevout_file')
            THEN 'unknown prevout_source'
            WHEN prevout_source IS NULL AND (value_sat IS NOT NULL OR script_type IS NOT NULL)
            THEN 'value or script type of an unknown prevout'
            WHEN prevout_source IS NOT NULL AND (value_sat IS NULL OR value_sat < 0 OR script_type IS NULL)
            THEN 'known prevout without a value or script type'
            WHEN script_type IS NOT NULL AND script_type NOT IN (
                'pubkey',
                'pubkeyhash',
                'scripthash',
                'multisig',
                'nulldata',
                'witness_v0_keyhash',
                'witness_v0_scripthash',
                'witness_v1_taproot',
                'witness_unknown',
                'anchor',
                'nonstandard')
            THEN 'unknown script_type'
        END AS problem
    FROM dwd.btc_input
)
WHERE problem IS NOT NULL
