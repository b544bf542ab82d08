CREATE TABLE IF NOT EXISTS dwd.btc_block (
    block_height INT COMMENT 'Height in its chain',
    block_hash STRING NOT NULL COMMENT 'Block hash, display order',
    prev_block_hash STRING COMMENT 'Parent block hash, display order',
    block_time TIMESTAMP(3) COMMENT 'Header timestamp, UTC',
    median_time TIMESTAMP(3) COMMENT 'Median time past of the last 11 blocks (BIP113), UTC; NULL when unknown',
    version BIGINT COMMENT 'Header version',
    bits BIGINT COMMENT 'Compact target',
    difficulty DOUBLE COMMENT 'Difficulty as Bitcoin Core''s GetDifficulty computes it from bits',
    nonce BIGINT COMMENT 'Header nonce',
    merkle_root STRING COMMENT 'Merkle root, display order',
    tx_count INT COMMENT 'Transactions in the block',
    size INT COMMENT 'Serialized size in bytes, witness included',
    stripped_size INT COMMENT 'Serialized size without witness data',
    weight INT COMMENT 'BIP141 weight units',
    coinbase_text STRING COMMENT 'Printable part of the coinbase scriptSig (pool tags, messages)',
    coinbase_script_sig_hex STRING COMMENT 'Coinbase scriptSig, hex',
    chain_work DECIMAL(38, 0) COMMENT 'Cumulative work of its segment up to this block',
    in_main_chain BOOLEAN COMMENT 'On the best chain; stale/orphan blocks are false',
    network STRING COMMENT 'main | testnet3 | testnet4 | signet | regtest',
    dt STRING COMMENT 'UTC day of block_time, yyyy-MM-dd',
    PRIMARY KEY (block_hash) NOT ENFORCED
) COMMENT 'DWD: one row per block (main chain and stale)'
WITH (
    'bucket' = '2',
    'changelog-producer' = 'lookup'
);
