-- Every mining-pool share message exactly as received, from Kafka (topic pool.share) or a share-log file: DWD
-- decodes the payload, so a decoder fix re-reads the original bytes.
CREATE TABLE IF NOT EXISTS ods.pool_share_raw (
    source STRING COMMENT 'kafka | file',
    source_name STRING NOT NULL COMMENT 'Kafka topic, or the absolute path of the share-log file',
    source_partition INT NOT NULL COMMENT 'Kafka partition; 0 for files',
    source_offset BIGINT NOT NULL COMMENT 'Kafka offset, or the 1-based line (JSON) / record (protobuf) number in the file',
    encoding STRING COMMENT 'json | protobuf',
    payload BYTES COMMENT 'The message''s exact bytes (a JSON line without its line break)',
    load_id STRING COMMENT 'Load run (or streaming job) that first received the message',
    received_at TIMESTAMP(3) COMMENT 'When it was received, UTC',
    PRIMARY KEY (source_name, source_partition, source_offset) NOT ENFORCED
) COMMENT 'ODS: one row per share message by position; first receipt wins, so reloading a file adds nothing'
WITH (
    'bucket' = '4',
    'merge-engine' = 'first-row',
    'changelog-producer' = 'lookup'
);
