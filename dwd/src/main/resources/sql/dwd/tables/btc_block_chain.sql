-- Height, cumulative work and main-chain membership of every block in ODS. Flink SQL has no recursion and the
-- chain is a tree of headers, so this one table is computed in Java (ChainIndexer) over all headers.
CREATE TABLE IF NOT EXISTS dwd.btc_block_chain (
    block_hash STRING NOT NULL COMMENT 'Block hash, display order',
    block_height INT COMMENT 'Height: parent height + 1, or the hint of a detached segment''s first block',
    height_source STRING COMMENT 'parent | genesis | bip34 | heights_file | kafka_header: where the height came from',
    segment_root_hash STRING COMMENT 'First block of the connected segment this block belongs to',
    chain_work DECIMAL(38, 0) COMMENT 'Work of the segment from its first block up to and including this block',
    median_time TIMESTAMP(3) COMMENT 'Median of the last 11 block times (BIP113), UTC; NULL when fewer ancestors are known than needed',
    in_main_chain BOOLEAN COMMENT 'On the best chain (most cumulative work); stale/orphan blocks are false',
    PRIMARY KEY (block_hash) NOT ENFORCED
) COMMENT 'DWD: chain position of each block (grain: one row per block in ods.btc_block_raw)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
