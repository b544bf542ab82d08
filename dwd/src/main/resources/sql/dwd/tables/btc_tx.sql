CREATE TABLE IF NOT EXISTS dwd.btc_tx (
    txid STRING NOT NULL COMMENT 'Transaction id (SHA-256d without witness), display order',
    block_hash STRING NOT NULL COMMENT 'Block that contains it (a tx in a stale and a main block has two rows)',
    wtxid STRING COMMENT 'Witness transaction id, display order',
    block_height INT COMMENT 'Height of the block',
    block_time TIMESTAMP(3) COMMENT 'Block timestamp, UTC',
    tx_index INT COMMENT 'Position in the block, 0 = coinbase',
    version INT COMMENT 'Transaction version',
    locktime BIGINT COMMENT 'nLockTime',
    size INT COMMENT 'Serialized size in bytes, witness included',
    vsize INT COMMENT 'Virtual size: ceil(weight / 4)',
    weight INT COMMENT 'BIP141 weight units',
    is_coinbase BOOLEAN COMMENT 'First transaction of the block',
    has_witness BOOLEAN COMMENT 'Serialized with witness data (a SegWit transaction)',
    input_count INT COMMENT 'Number of inputs',
    output_count INT COMMENT 'Number of outputs',
    input_value_sat BIGINT COMMENT 'Sum of spent output values; NULL for the coinbase and when any prevout is unknown',
    output_value_sat BIGINT COMMENT 'Sum of output values',
    fee_sat BIGINT COMMENT 'input_value_sat - output_value_sat; NULL when input value is NULL',
    fee_rate_sat_vb DECIMAL(20, 3) COMMENT 'fee_sat / vsize in sat/vB; NULL when fee is NULL',
    is_rbf_signaling BOOLEAN COMMENT 'BIP125: some input has nSequence < 0xfffffffe',
    dt STRING COMMENT 'UTC day of block_time, yyyy-MM-dd',
    PRIMARY KEY (txid, block_hash) NOT ENFORCED
) COMMENT 'DWD: one row per transaction per block that contains it'
WITH (
    'bucket' = '4',
    'changelog-producer' = 'lookup'
);
