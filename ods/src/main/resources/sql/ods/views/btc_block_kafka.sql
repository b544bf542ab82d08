-- Blocks as a live node publishes them: topic btc.block, key = block hash, value = the serialized block, headers
-- network and (when the publisher knows it) height. `./chainlake stream` reads it into ods.btc_block_raw; batch
-- builds never read it (load-blocks fills ODS from block files). Offsets live in Flink checkpoints, so the group
-- id only names the consumer for monitoring.
CREATE TEMPORARY TABLE IF NOT EXISTS btc_block_kafka (
    record_key STRING,
    raw_block BYTES,
    headers MAP<STRING, BYTES> METADATA FROM 'headers' VIRTUAL,
    topic STRING METADATA FROM 'topic' VIRTUAL,
    kafka_partition INT METADATA FROM 'partition' VIRTUAL,
    kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
    published_at TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
    -- the network the publisher names (a record without the header is taken for the warehouse's)
    network AS COALESCE(CAST(headers['network'] AS STRING), '${network}')
) WITH (
    'connector' = 'kafka',
    'topic' = 'btc.block',
    'properties.bootstrap.servers' = '${kafka_bootstrap_servers}',
    'properties.group.id' = '${kafka_group_id}',
    'properties.max.partition.fetch.bytes' = '5242880',
    'scan.startup.mode' = 'earliest-offset',
    'key.format' = 'raw',
    'key.fields' = 'record_key',
    'value.format' = 'raw',
    'value.fields-include' = 'EXCEPT_KEY'
);
