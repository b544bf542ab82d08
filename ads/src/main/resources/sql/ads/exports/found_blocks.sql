-- Upserts btcpool's found_blocks from dwd.pool_block_found; the MySQL table is mysql/pool/found_blocks.sql. The one
-- export read from DWD: a found block is a single share, DWS only counts them. SOLVED_STALE solved a block for a
-- stale job, which the chain does not take (dws counts it stale): is_orphaned 1. Others 0, as blkmaker inserts them,
-- until the chain tables hold the block: a share carries no header, but the block at the share's height with its
-- nonce and bits is the one it solved, and gives hash, prev_hash, size, version and rewards (what its coinbase
-- pays); a block the chain tables hold off the main chain is orphaned. In streaming the row is upserted again when
-- the block arrives.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_found_blocks (
    puid INT,
    worker_id BIGINT,
    worker_full_name STRING,
    job_id BIGINT,
    height INT,
    is_orphaned TINYINT,
    `hash` STRING,
    rewards BIGINT,
    size INT,
    prev_hash STRING,
    bits BIGINT,
    version INT,
    created_at TIMESTAMP(0),
    nonce BIGINT,
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
    b.block_hash AS `hash`,
    c.output_value_sat AS rewards,
    b.size,
    b.prev_block_hash AS prev_hash,
    f.blk_bits AS bits,
    -- btcpool's column is a signed 32-bit int, as the header's nVersion
    CAST(b.version AS INT) AS version,
    CAST(f.found_time AS TIMESTAMP(0)) AS created_at,
    f.nonce
FROM dwd.pool_block_found AS f
LEFT JOIN dwd.btc_block AS b
    ON b.block_height = f.height AND b.nonce = f.nonce AND b.bits = f.blk_bits
LEFT JOIN (
    SELECT
        block_hash,
        output_value_sat
    FROM dwd.btc_tx
    WHERE is_coinbase
) AS c
    ON c.block_hash = b.block_hash;
