-- description: network is one of main, testnet3, testnet4, signet, regtest; segwit_tx_share and top_pool_block_share are between 0 and 1
-- severity: error
SELECT
    dt,
    network,
    segwit_tx_share,
    top_pool_block_share
FROM ads.chain_daily_report
WHERE network NOT IN ('main', 'testnet3', 'testnet4', 'signet', 'regtest')
    OR segwit_tx_share < 0
    OR segwit_tx_share > 1
    OR top_pool_block_share < 0
    OR top_pool_block_share > 1
