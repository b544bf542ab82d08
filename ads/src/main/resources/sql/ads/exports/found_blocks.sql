-- Upserts btcpool's found_blocks from dwd.pool_block_found; the MySQL table is mysql/pool/found_blocks.sql. The one
-- export read from DWD: a found block is a single share, DWS only counts them. SOLVED_STALE solved a block for a
-- stale job, which the chain does not take (dws counts it stale): is_orphaned 1. Others 0, as blkmaker inserts them.
-- A share carries no block header; when the warehouse's chain holds the block, the header is known: the block at the
-- share's height with the share's nonce and nBits (a header field each) is the one the share solved. Then hash,
-- prev_hash, size, version come from dwd.btc_block, rewards (btcpool: the coinbase value) from its coinbase in
-- dwd.btc_tx, and a block that left the best chain is orphaned. Without it they stay NULL (a left join; in streaming
-- the matched row replaces the NULL one when the block arrives).
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_found_blocks (
    puid INT,
    worker_id BIGINT,
    worker_full_name STRING,
    job_id BIGINT,
    height INT,
    is_orphaned TINYINT,
    bits BIGINT,
    created_at TIMESTAMP(0),
    nonce BIGINT,
    `hash` STRING,
    prev_hash STRING,
    `size` INT,
    version INT,
    rewards BIGINT,
    PRIMARY KEY (height, worker_id, job_id, nonce) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'found_blocks',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'sink.max-retries' = '10'
);

INSERT INTO default_catalog.default_database.mysql_found_blocks
SELECT
    f.user_id AS puid,
    f.worker_id,
    CASE
        WHEN f.user_name IS NOT NULL AND f.worker_name IS NOT NULL THEN CONCAT(f.user_name, '.', f.worker_name)
    END AS worker_full_name,
    f.job_id,
    f.height,
    CAST(CASE WHEN f.status_name = 'SOLVED_STALE' OR NOT b.in_main_chain THEN 1 ELSE 0 END AS TINYINT) AS is_orphaned,
    f.blk_bits AS bits,
    CAST(f.found_time AS TIMESTAMP(0)) AS created_at,
    f.nonce,
    b.block_hash AS `hash`,
    b.prev_block_hash AS prev_hash,
    b.size AS `size`,
    CAST(b.version AS INT) AS version,
    b.coinbase_value_sat AS rewards
FROM dwd.pool_block_found AS f
LEFT JOIN (
    SELECT
        blk.block_height,
        blk.nonce,
        blk.bits,
        blk.block_hash,
        blk.prev_block_hash,
        blk.size,
        blk.version,
        blk.in_main_chain,
        tx.output_value_sat AS coinbase_value_sat
    FROM dwd.btc_block AS blk
    LEFT JOIN dwd.btc_tx AS tx
        ON tx.block_hash = blk.block_hash
        AND tx.is_coinbase
) AS b
    ON b.block_height = f.height
    AND b.nonce = f.nonce
    AND b.bits = f.blk_bits;
