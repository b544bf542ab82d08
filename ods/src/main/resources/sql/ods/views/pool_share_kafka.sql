-- Shares as btcpool's stratum servers publish them: topic pool.share, key = worker id, value = one message in the
-- encoding of pool.share-encoding (JSON or BitcoinMsg protobuf, no framing). `./chainlake stream` reads it into the
-- raw and reject share tables; batch builds never read it (load-shares fills ODS from share logs).
CREATE TEMPORARY TABLE IF NOT EXISTS pool_share_kafka (
    record_key STRING,
    payload BYTES,
    topic STRING METADATA FROM 'topic' VIRTUAL,
    kafka_partition INT METADATA FROM 'partition' VIRTUAL,
    kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
    published_at TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
    'connector' = 'kafka',
    'topic' = 'pool.share',
    'properties.bootstrap.servers' = '${kafka_bootstrap_servers}',
    'properties.group.id' = '${kafka_group_id}',
    'scan.startup.mode' = 'earliest-offset',
    'key.format' = 'raw',
    'key.fields' = 'record_key',
    'value.format' = 'raw',
    'value.fields-include' = 'EXCEPT_KEY'
);
