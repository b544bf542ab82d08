-- Unconfirmed transactions as a node relays them (Kafka topic btc.mempool_tx), exactly as received.
CREATE TABLE IF NOT EXISTS ods.btc_mempool_tx (
    txid STRING NOT NULL COMMENT 'Transaction id, display order (the Kafka key)',
    raw_tx BYTES COMMENT 'Serialized transaction, witness included, exactly as received',
    network STRING COMMENT 'Network name from the message header',
    first_seen_at TIMESTAMP(3) COMMENT 'Kafka record timestamp of the first message carrying it, UTC',
    source_topic STRING COMMENT 'Topic it was read from',
    source_partition INT COMMENT 'Kafka partition',
    source_offset BIGINT COMMENT 'Kafka offset of the first message carrying it',
    loaded_at TIMESTAMP(3) COMMENT 'When chainlake wrote it, UTC',
    PRIMARY KEY (txid) NOT ENFORCED
) COMMENT 'ODS: one row per unconfirmed transaction seen; a redelivery changes nothing'
WITH (
    'bucket' = '2',
    'merge-engine' = 'first-row',
    'changelog-producer' = 'lookup'
);
