-- description: every reject names its reason, and its network is one of main, testnet3, testnet4, signet, regtest
-- severity: error
SELECT
    source_file,
    source_offset,
    network,
    reason
FROM ods.btc_block_reject
WHERE reason IS NULL
    OR TRIM(reason) = ''
    OR network IS NULL
    OR network NOT IN ('main', 'testnet3', 'testnet4', 'signet', 'regtest')
