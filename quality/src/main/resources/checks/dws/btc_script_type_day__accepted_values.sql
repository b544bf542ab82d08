-- description: script_type is one of Bitcoin Core's 11 output script type names
-- severity: error
SELECT
    dt,
    script_type,
    output_count
FROM dws.btc_script_type_day
WHERE script_type NOT IN (
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
