CREATE TABLE IF NOT EXISTS dws.btc_pool_day (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    pool_name STRING NOT NULL COMMENT 'Pool from the registry; ''unknown'' for unattributed blocks',
    pool_id INT COMMENT 'Registry id; NULL for unknown',
    block_count BIGINT COMMENT 'Main-chain blocks the pool mined that day',
    block_share DOUBLE COMMENT 'block_count / all main-chain blocks that day',
    fee_sat BIGINT COMMENT 'Fees of those blocks; NULL if any is unknown',
    subsidy_sat BIGINT COMMENT 'Subsidies of those blocks',
    PRIMARY KEY (dt, pool_name) NOT ENFORCED
) COMMENT 'DWS: blocks per mining pool per UTC day (grain: dt x pool_name)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
