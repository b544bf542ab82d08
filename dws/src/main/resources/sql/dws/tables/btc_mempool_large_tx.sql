CREATE TABLE IF NOT EXISTS dws.btc_mempool_large_tx (
    txid STRING NOT NULL COMMENT 'Transaction id',
    first_seen_at TIMESTAMP(3) COMMENT 'When it was first relayed unconfirmed (Kafka record time), UTC',
    output_value_sat BIGINT COMMENT 'Value moved: sum of outputs',
    output_count INT COMMENT 'Number of outputs',
    vsize INT COMMENT 'Virtual size: ceil(weight / 4)',
    receiver_addresses ARRAY<STRING> COMMENT 'Distinct addresses paid, sorted (as dws.btc_large_tx_flow)',
    PRIMARY KEY (txid) NOT ENFORCED
) COMMENT 'DWS: transactions seen unconfirmed moving at least large-tx.threshold-sat (grain: txid); mined or not'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
