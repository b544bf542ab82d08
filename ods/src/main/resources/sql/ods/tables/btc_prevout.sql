-- Outputs spent by the loaded blocks but created in blocks the warehouse does not hold (partial chains).
CREATE TABLE IF NOT EXISTS ods.btc_prevout (
    txid STRING NOT NULL COMMENT 'Transaction that created the output, display order',
    vout_index BIGINT NOT NULL COMMENT 'Output index in that transaction',
    value_sat BIGINT COMMENT 'Output value in satoshi',
    script_pubkey_hex STRING COMMENT 'Output script, hex',
    block_height INT COMMENT 'Height of the block that created the output',
    is_coinbase BOOLEAN COMMENT 'Whether the creating transaction is a coinbase',
    source_file STRING COMMENT 'JSON-lines file the row came from',
    load_id STRING COMMENT 'Load run',
    loaded_at TIMESTAMP(3) COMMENT 'When, UTC',
    PRIMARY KEY (txid, vout_index) NOT ENFORCED
) COMMENT 'ODS: prevouts from --prevouts files (format of block-277647.prevouts.jsonl)'
WITH (
    'bucket' = '2'
);
