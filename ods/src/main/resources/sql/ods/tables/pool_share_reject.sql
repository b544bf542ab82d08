-- Share messages that cannot be decoded or break a rule, with the reason: nothing is skipped silently.
CREATE TABLE IF NOT EXISTS ods.pool_share_reject (
    source STRING COMMENT 'kafka | file',
    source_name STRING NOT NULL COMMENT 'Kafka topic, or the absolute path of the share-log file',
    source_partition INT NOT NULL COMMENT 'Kafka partition; 0 for files',
    source_offset BIGINT NOT NULL COMMENT 'Kafka offset, or the 1-based line / record number in the file',
    encoding STRING COMMENT 'json | protobuf',
    reason STRING COMMENT 'Why, e.g. "field sharediff: expected an integer, got string ""65536"""',
    payload BYTES COMMENT 'The message''s exact bytes (for a broken protobuf frame: the bytes left in the file)',
    load_id STRING COMMENT 'Load run that found it',
    rejected_at TIMESTAMP(3) COMMENT 'When, UTC',
    PRIMARY KEY (source_name, source_partition, source_offset) NOT ENFORCED
) COMMENT 'ODS: rejected share messages, one per position (a rerun rewrites, never duplicates)'
WITH (
    'bucket' = '1'
);
