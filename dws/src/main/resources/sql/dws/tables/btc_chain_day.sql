CREATE TABLE IF NOT EXISTS dws.btc_chain_day (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    block_count BIGINT COMMENT 'Main-chain blocks with block_time that day',
    first_height INT COMMENT 'Lowest height that day',
    last_height INT COMMENT 'Highest height that day',
    tx_count BIGINT COMMENT 'Transactions, coinbase included',
    input_count BIGINT COMMENT 'Inputs, coinbase inputs excluded (getblockstats ins)',
    output_count BIGINT COMMENT 'Outputs, coinbase outputs included (getblockstats outs)',
    total_out_sat BIGINT COMMENT 'Output value of non-coinbase transactions (getblockstats total_out)',
    total_fee_sat BIGINT COMMENT 'Fees; NULL if any fee that day is unknown',
    subsidy_sat BIGINT COMMENT 'Block subsidies',
    segwit_tx_count BIGINT COMMENT 'Non-coinbase transactions with witness (getblockstats swtxs)',
    active_address_count BIGINT COMMENT 'Distinct addresses receiving or spending that day',
    new_address_count BIGINT COMMENT 'Addresses whose first appearance in the warehouse is that day',
    avg_difficulty DOUBLE COMMENT 'Mean difficulty of the day''s blocks',
    avg_block_interval_s DOUBLE COMMENT 'Mean seconds since the parent block, over blocks whose parent is known; NULL when none',
    est_hashrate DOUBLE COMMENT 'Estimated network hashrate, hashes/s: avg_difficulty * 2^32 / avg_block_interval_s',
    feerate_p10 BIGINT COMMENT 'Weight-weighted 10th percentile fee rate of the day''s transactions, sat/vB (getblockstats method); NULL if a fee is unknown',
    feerate_p25 BIGINT COMMENT '25th percentile, as feerate_p10',
    feerate_p50 BIGINT COMMENT '50th percentile, as feerate_p10',
    feerate_p75 BIGINT COMMENT '75th percentile, as feerate_p10',
    feerate_p90 BIGINT COMMENT '90th percentile, as feerate_p10',
    PRIMARY KEY (dt) NOT ENFORCED
) COMMENT 'DWS: the chain per UTC day, main chain only (grain: dt)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
