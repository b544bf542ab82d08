CREATE TABLE IF NOT EXISTS ads.chain_daily_report (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    network STRING NOT NULL COMMENT 'main | testnet3 | testnet4 | signet | regtest (config key network)',
    block_count BIGINT COMMENT 'Main-chain blocks',
    first_height INT COMMENT 'Lowest height',
    last_height INT COMMENT 'Highest height',
    tx_count BIGINT COMMENT 'Transactions, coinbase included',
    segwit_tx_count BIGINT COMMENT 'Non-coinbase SegWit transactions',
    segwit_tx_share DOUBLE COMMENT 'segwit_tx_count / non-coinbase transactions; NULL when there are none',
    input_count BIGINT COMMENT 'Non-coinbase inputs',
    output_count BIGINT COMMENT 'Outputs',
    total_out_btc DECIMAL(20, 8) COMMENT 'Value moved by non-coinbase transactions, BTC',
    total_fee_btc DECIMAL(20, 8) COMMENT 'Fees, BTC; NULL when a fee is unknown',
    median_fee_rate_sat_vb BIGINT COMMENT 'Weight-weighted median fee rate, sat/vB',
    active_address_count BIGINT COMMENT 'Distinct active addresses',
    new_address_count BIGINT COMMENT 'Addresses first seen that day',
    avg_difficulty DOUBLE COMMENT 'Mean difficulty',
    est_hashrate_ehs DOUBLE COMMENT 'Estimated network hashrate, EH/s',
    top_pool_name STRING COMMENT 'Pool with most blocks that day (ties: by name)',
    top_pool_block_share DOUBLE COMMENT 'Its share of the day''s blocks',
    PRIMARY KEY (dt, network) NOT ENFORCED
)
COMMENT 'ADS: the chain''s day at a glance (grain: dt)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
