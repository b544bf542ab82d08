-- Unconfirmed transactions as a live node relays them: topic btc.mempool_tx, key = txid, value = the serialized
-- transaction. Read by `./chainlake stream` into ods.btc_mempool_tx.
CREATE TEMPORARY TABLE IF NOT EXISTS btc_mempool_tx_kafka (
    record_key STRING,
    raw_tx BYTES,
    headers MAP<STRING, BYTES> METADATA FROM 'headers' VIRTUAL,
    topic STRING METADATA FROM 'topic' VIRTUAL,
    kafka_partition INT METADATA FROM 'partition' VIRTUAL,
    kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
    published_at TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
    'connector' = 'kafka',
    'topic' = 'btc.mempool_tx',
    'properties.bootstrap.servers' = '${kafka_bootstrap_servers}',
    'properties.group.id' = '${kafka_group_id}',
    'properties.max.partition.fetch.bytes' = '5242880',
    'scan.startup.mode' = 'earliest-offset',
    'key.format' = 'raw',
    'key.fields' = 'record_key',
    'value.format' = 'raw',
    'value.fields-include' = 'EXCEPT_KEY'
);
