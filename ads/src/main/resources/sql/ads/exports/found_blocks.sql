-- Upserts btcpool's found_blocks from dwd.pool_block_found; the MySQL table is mysql/pool/found_blocks.sql. The one
-- export read from DWD: a found block is a single share, DWS only counts them. SOLVED_STALE solved a block for a
-- stale job, which the chain does not take (dws counts it stale): is_orphaned 1. Others 0, as blkmaker inserts them.
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
    user_id AS puid,
    worker_id,
    CASE
        WHEN user_name IS NOT NULL AND worker_name IS NOT NULL THEN CONCAT(user_name, '.', worker_name)
    END AS worker_full_name,
    job_id,
    height,
    CAST(CASE WHEN status_name = 'SOLVED_STALE' THEN 1 ELSE 0 END AS TINYINT) AS is_orphaned,
    blk_bits AS bits,
    CAST(found_time AS TIMESTAMP(0)) AS created_at,
    nonce
FROM dwd.pool_block_found;
