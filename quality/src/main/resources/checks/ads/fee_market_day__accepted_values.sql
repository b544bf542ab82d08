-- description: network is one of main, testnet3, testnet4, signet, regtest; fee_share_of_revenue is between 0 and 1; fees and subsidies are not negative
-- severity: error
SELECT
    dt,
    network,
    total_fee_sat,
    subsidy_sat,
    fee_share_of_revenue
FROM ads.fee_market_day
WHERE network NOT IN ('main', 'testnet3', 'testnet4', 'signet', 'regtest')
    OR total_fee_sat < 0
    OR subsidy_sat < 0
    OR fee_share_of_revenue < 0
    OR fee_share_of_revenue > 1
