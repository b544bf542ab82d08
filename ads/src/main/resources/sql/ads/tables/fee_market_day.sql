CREATE TABLE IF NOT EXISTS ads.fee_market_day (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    network STRING NOT NULL COMMENT 'main | testnet3 | testnet4 | signet | regtest (config key network)',
    block_count BIGINT COMMENT 'Main-chain blocks',
    tx_count BIGINT COMMENT 'Non-coinbase transactions',
    total_fee_sat BIGINT COMMENT 'Fees, satoshi; NULL when a fee is unknown',
    subsidy_sat BIGINT COMMENT 'Block subsidies, satoshi',
    fee_share_of_revenue DOUBLE COMMENT 'total_fee_sat / (total_fee_sat + subsidy_sat): fees'' share of miner revenue',
    avg_fee_per_tx_sat BIGINT COMMENT 'total_fee_sat / tx_count, integer division',
    feerate_p10 BIGINT COMMENT 'Weight-weighted 10th percentile fee rate, sat/vB (getblockstats method over the day)',
    feerate_p25 BIGINT COMMENT '25th percentile, sat/vB',
    feerate_p50 BIGINT COMMENT '50th percentile, sat/vB',
    feerate_p75 BIGINT COMMENT '75th percentile, sat/vB',
    feerate_p90 BIGINT COMMENT '90th percentile, sat/vB',
    PRIMARY KEY (dt, network) NOT ENFORCED
)
COMMENT 'ADS: the fee market per UTC day (grain: dt)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
