CREATE TABLE IF NOT EXISTS dwd.btc_output (
    txid STRING NOT NULL COMMENT 'Transaction that creates the output, display order',
    vout_index INT NOT NULL COMMENT 'Output position',
    block_hash STRING NOT NULL COMMENT 'Block containing the transaction',
    block_height INT COMMENT 'Height of that block',
    block_time TIMESTAMP(3) COMMENT 'Block timestamp, UTC',
    value_sat BIGINT COMMENT 'Value in satoshi',
    script_pubkey_hex STRING COMMENT 'scriptPubKey, hex',
    script_type STRING COMMENT 'Bitcoin Core''s name: pubkey, pubkeyhash, scripthash, multisig, nulldata, witness_v0_keyhash, witness_v0_scripthash, witness_v1_taproot, witness_unknown, anchor, nonstandard',
    address STRING COMMENT 'Base58 / bech32 / bech32m address for the network; P2PK shows its key''s P2PKH address; NULL for nulldata, bare multisig, nonstandard',
    dt STRING COMMENT 'UTC day of block_time, yyyy-MM-dd',
    PRIMARY KEY (txid, vout_index, block_hash) NOT ENFORCED
) COMMENT 'DWD: one row per transaction output'
WITH (
    'bucket' = '4',
    'changelog-producer' = 'lookup'
);
