INSERT INTO ads.mining_pool_share_day
SELECT
    p.dt,
    p.pool_name,
    p.block_count,
    p.block_share,
    c.est_hashrate / 1e18 AS network_hashrate_ehs,
    c.est_hashrate / 1e18 * p.block_share AS est_pool_hashrate_ehs
FROM dws.btc_pool_day AS p
JOIN dws.btc_chain_day AS c
    ON c.dt = p.dt;
