-- What a load could not accept, with the reason: nothing is skipped silently.
CREATE TABLE IF NOT EXISTS ods.btc_block_reject (
    source_file STRING NOT NULL COMMENT 'Block file (or kafka topic-partition) the bad input was found in',
    source_offset BIGINT NOT NULL COMMENT 'Byte offset of the bad record in source_file (or the Kafka offset)',
    reason STRING COMMENT 'Why it was rejected, e.g. "wrong magic 0x00ff00ff (expected 0xf9beb4d9 for main)"',
    block_hash STRING COMMENT 'Hash of the rejected block when it could be read (no known height, another network), else NULL',
    network STRING COMMENT 'Network the load expected',
    load_id STRING COMMENT 'Load run that found the bad record',
    rejected_at TIMESTAMP(3) COMMENT 'When, UTC',
    PRIMARY KEY (source_file, source_offset) NOT ENFORCED
) COMMENT 'ODS: rejected block-file records, one per file position (a rerun updates, never duplicates)'
WITH (
    'bucket' = '1'
);
