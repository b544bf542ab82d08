CREATE TABLE IF NOT EXISTS ads.address_rank_day (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    rank_by STRING NOT NULL COMMENT 'received_sat | tx_count: the measure ranked',
    `rank` INT NOT NULL COMMENT '1 = highest; ties broken by address',
    address STRING COMMENT 'Address',
    received_sat BIGINT COMMENT 'Value received that day, satoshi',
    tx_count BIGINT COMMENT 'Transactions touching the address that day',
    label STRING COMMENT 'Label from MySQL address_label; NULL when none',
    label_category STRING COMMENT 'Label category, e.g. mining_pool',
    PRIMARY KEY (dt, rank_by, `rank`) NOT ENFORCED
)
COMMENT 'ADS: top address-rank.top-n (default 100) addresses per day by value received and by tx count (grain: dt x rank_by x rank)'
PARTITIONED BY (dt)
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
