-- description: in_main_chain and block_height are never NULL, heights are not negative, network is one of main, testnet3, testnet4, signet, regtest, and dt is the UTC day of block_time
-- severity: error
SELECT
    block_hash,
    block_height,
    in_main_chain,
    network,
    dt,
    problem
FROM (
    SELECT
        block_hash,
        block_height,
        in_main_chain,
        network,
        dt,
        CASE
            WHEN in_main_chain IS NULL THEN 'in_main_chain is NULL'
            WHEN block_height IS NULL OR block_height < 0 THEN 'missing or negative height'
            WHEN network IS NULL OR network NOT IN ('main', 'testnet3', 'testnet4', 'signet', 'regtest')
            THEN 'unknown network'
            WHEN dt IS DISTINCT FROM DATE_FORMAT(block_time, 'yyyy-MM-dd') THEN 'dt is not the day of block_time'
        END AS problem
    FROM dwd.btc_block
)
WHERE problem IS NOT NULL
