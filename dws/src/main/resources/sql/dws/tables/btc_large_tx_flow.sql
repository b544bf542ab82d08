CREATE TABLE IF NOT EXISTS dws.btc_large_tx_flow (
    txid STRING NOT NULL COMMENT 'Transaction id',
    dt STRING NOT NULL COMMENT 'UTC day of its block, yyyy-MM-dd',
    block_height INT COMMENT 'Main-chain height',
    block_time TIMESTAMP(3) COMMENT 'Block time, UTC',
    output_value_sat BIGINT COMMENT 'Value moved: sum of outputs',
    input_value_sat BIGINT COMMENT 'Sum of spent outputs; NULL when a prevout is unknown',
    fee_sat BIGINT COMMENT 'Fee; NULL when unknown',
    sender_addresses ARRAY<STRING> COMMENT 'Distinct addresses of the spent outputs (known prevouts)',
    receiver_addresses ARRAY<STRING> COMMENT 'Distinct addresses paid',
    PRIMARY KEY (txid, dt) NOT ENFORCED
) COMMENT 'DWS: main-chain non-coinbase transactions moving at least large-tx.threshold-sat, with their address flow (grain: txid)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
