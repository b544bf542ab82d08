-- description: script_type is one of Bitcoin Core's 11 names (pubkey, pubkeyhash, scripthash, multisig, nulldata, witness_v0_keyhash, witness_v0_scripthash, witness_v1_taproot, witness_unknown, anchor, nonstandard) and value_sat is between 0 and 21 million BTC
-- severity: error
SELECT
    txid,
    vout_index,
    block_hash,
    script_type,
    value_sat
FROM dwd.btc_output
WHERE script_type IS NULL
    OR script_type NOT IN (
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
    OR value_sat IS NULL
    OR value_sat < 0
    OR value_sat > 2100000000000000
