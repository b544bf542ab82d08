-- Not partitioned: a row changes status (and its block day) as the transaction is mined or a reorg drops its block,
-- and the table stays small (one row per large transaction).
CREATE TABLE IF NOT EXISTS ads.large_tx_alert (
    txid STRING NOT NULL COMMENT 'Transaction id',
    status STRING NOT NULL COMMENT 'unconfirmed (seen relayed, in no main-chain block) | confirmed (in a main-chain block)',
    first_seen_at TIMESTAMP(3) COMMENT 'When it was first relayed unconfirmed, UTC; NULL when it was only seen mined',
    confirmed_at TIMESTAMP(3) COMMENT 'Block time of the main-chain block holding it, UTC; NULL while unconfirmed',
    block_height INT COMMENT 'Height of that block; NULL while unconfirmed',
    block_hash STRING COMMENT 'Hash of that block; NULL while unconfirmed',
    value_sat BIGINT COMMENT 'Value moved: sum of outputs, satoshi',
    value_btc DECIMAL(20, 8) COMMENT 'value_sat in BTC',
    fee_sat BIGINT COMMENT 'Fee, satoshi; NULL while unconfirmed and whenever a prevout is unknown',
    receiver_addresses ARRAY<STRING> COMMENT 'Distinct addresses paid',
    PRIMARY KEY (txid) NOT ENFORCED
)
COMMENT 'ADS: transactions moving at least large-tx.threshold-sat, unconfirmed or mined, for alerting (grain: txid)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
