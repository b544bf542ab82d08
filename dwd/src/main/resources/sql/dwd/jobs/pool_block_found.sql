-- btcpool's StratumStatus::isSolved: SOLVED, SOLVED_STALE and SOLVED_PRELIMINARY each submit a block.
INSERT INTO dwd.pool_block_found
SELECT
    dt,
    height,
    worker_id,
    job_id,
    nonce,
    share_time AS found_time,
    user_id,
    user_name,
    worker_name,
    status_name,
    blk_bits,
    network_diff,
    share_diff,
    ip
FROM dwd.pool_share
WHERE status_name IN ('SOLVED', 'SOLVED_STALE', 'SOLVED_PRELIMINARY');
