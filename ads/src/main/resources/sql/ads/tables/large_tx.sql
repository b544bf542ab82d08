CREATE TABLE IF NOT EXISTS ads.large_tx (
    dt STRING NOT NULL COMMENT 'UTC day of the block, yyyy-MM-dd',
    txid STRING NOT NULL COMMENT 'Transaction id',
    block_height INT COMMENT 'Main-chain height',
    block_time TIMESTAMP(3) COMMENT 'Block time, UTC',
    value_btc DECIMAL(20, 8) COMMENT 'Value moved (sum of outputs), BTC',
    fee_sat BIGINT COMMENT 'Fee, satoshi; NULL when a prevout is unknown',
    sender_addresses ARRAY<STRING> COMMENT 'Addresses of the spent outputs (known prevouts)',
    sender_labels ARRAY<STRING> COMMENT 'Labels of sender addresses found in MySQL address_label',
    receiver_addresses ARRAY<STRING> COMMENT 'Addresses paid',
    receiver_labels ARRAY<STRING> COMMENT 'Labels of receiver addresses found in MySQL address_label',
    PRIMARY KEY (dt, txid) NOT ENFORCED
)
COMMENT 'ADS: transactions moving at least large-tx.threshold-sat (default 50 BTC), with labelled senders and receivers (grain: txid)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
