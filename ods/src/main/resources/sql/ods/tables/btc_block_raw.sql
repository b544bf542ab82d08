-- Every block found in a block file (or, in streaming, on Kafka), exactly as found: the raw bytes are kept so DWD
-- can parse them once, and re-parse after a parser fix without going back to the node.
CREATE TABLE IF NOT EXISTS ods.btc_block_raw (
    block_hash STRING NOT NULL COMMENT 'SHA-256d of the header, hex in display (explorer) byte order',
    prev_block_hash STRING NOT NULL COMMENT 'Header field: hash of the parent block, display order',
    version BIGINT COMMENT 'Header field: block version (int32)',
    merkle_root STRING COMMENT 'Header field: merkle root of the txids, display order',
    block_time TIMESTAMP(3) COMMENT 'Header field: block timestamp as UTC wall-clock time',
    bits BIGINT COMMENT 'Header field: compact difficulty target (uint32)',
    nonce BIGINT COMMENT 'Header field: nonce (uint32)',
    tx_count INT COMMENT 'Number of transactions in the block',
    size INT COMMENT 'Serialized size in bytes, witness included',
    stripped_size INT COMMENT 'Serialized size in bytes without witness data',
    weight INT COMMENT 'BIP141 weight: stripped_size * 3 + size',
    height_hint INT COMMENT 'Height stated outside the parent link: the BIP34 coinbase height or the --heights file; NULL when neither',
    height_hint_source STRING COMMENT 'heights_file | kafka_header | bip34 | NULL',
    raw_block BYTES COMMENT 'The serialized block, witness included, de-obfuscated',
    network STRING COMMENT 'main | testnet3 | testnet4 | signet | regtest',
    source_file STRING COMMENT 'Block file the block was read from (or kafka topic-partition)',
    source_offset BIGINT COMMENT 'Byte offset of the block''s magic in source_file (or the Kafka offset)',
    load_id STRING COMMENT 'Load run that first found the block',
    loaded_at TIMESTAMP(3) COMMENT 'When that load ran, UTC',
    PRIMARY KEY (block_hash) NOT ENFORCED
) COMMENT 'ODS: one row per block found, raw bytes as found; first load wins (reloads add nothing)'
WITH (
    'bucket' = '2',
    'merge-engine' = 'first-row',
    'changelog-producer' = 'lookup'
);
