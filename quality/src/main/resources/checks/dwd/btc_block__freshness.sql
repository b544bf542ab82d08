-- description: hours from the newest main-chain block's time to now (CURRENT_TIMESTAMP, UTC); more than a day means loading has stopped or lags
-- severity: warn
-- observed: metric
-- threshold: 24
SELECT
    CAST(TIMESTAMPDIFF(MINUTE, MAX(block_time), CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3))) AS DOUBLE) / 60
        AS observed_value,
    MAX(block_time) AS newest_block_time,
    MAX(block_height) AS newest_block_height
FROM dwd.btc_block
WHERE in_main_chain
