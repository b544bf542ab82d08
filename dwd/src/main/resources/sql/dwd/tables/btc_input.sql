CREATE TABLE IF NOT EXISTS dwd.btc_input (
    txid STRING NOT NULL COMMENT 'Spending transaction, display order',
    block_hash STRING NOT NULL COMMENT 'Block containing the spending transaction',
    vin_index INT NOT NULL COMMENT 'Input position in the spending transaction',
    prev_txid STRING COMMENT 'Transaction whose output is spent (64 zeros for the coinbase input)',
    prev_vout BIGINT COMMENT 'Index of the spent output (4294967295 for the coinbase input)',
    sequence BIGINT COMMENT 'nSequence',
    script_sig_hex STRING COMMENT 'scriptSig, hex',
    witness_items ARRAY<STRING> COMMENT 'Witness stack items, hex; empty when none',
    value_sat BIGINT COMMENT 'Value of the spent output; NULL when the prevout is unknown (and for the coinbase)',
    script_type STRING COMMENT 'Script type of the spent output (Bitcoin Core names); NULL when unknown',
    address STRING COMMENT 'Address of the spent output; NULL when unknown or when the script has none',
    prevout_script_pubkey_hex STRING COMMENT 'Script of the spent output, hex; NULL when unknown',
    prevout_source STRING COMMENT 'warehouse | prevout_file | NULL (unknown) - where the spent output was found',
    block_height INT COMMENT 'Height of the spending block',
    dt STRING COMMENT 'UTC day of the spending block, yyyy-MM-dd',
    PRIMARY KEY (txid, block_hash, vin_index) NOT ENFORCED
) COMMENT 'DWD: one row per transaction input, with the output it spends'
WITH (
    'bucket' = '4',
    'changelog-producer' = 'lookup'
);
