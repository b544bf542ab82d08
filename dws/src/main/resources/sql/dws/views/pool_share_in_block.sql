-- Every dwd.pool_share row the late-share rule reads, with the block of 32 consecutive positions of its topic
-- partition or file it was read in (block_no 0 holds positions 0-31), the span of 1024 blocks (2^15 positions) and
-- the epoch of 1024 spans (2^25 positions) that hold that block. A share is compared one by one with the earlier
-- shares of its own block only, in a self-join whose cost per share grows with the block: at 1024 positions per
-- block that join was a sixth of the pool stream's CPU. DOUBLE division: the DECIMAL form of source_offset / 32.0
-- cost a fifth of it.
CREATE TEMPORARY VIEW pool_share_in_block AS
SELECT
    dt,
    worker_id,
    job_id,
    session_id,
    nonce,
    share_time,
    version_mask,
    user_id,
    status_name,
    share_diff,
    source_name,
    source_partition,
    source_offset,
    CAST(FLOOR(CAST(source_offset AS DOUBLE) / 32) AS BIGINT) AS block_no,
    CAST(FLOOR(CAST(source_offset AS DOUBLE) / 32768) AS BIGINT) AS span_no,
    CAST(FLOOR(CAST(source_offset AS DOUBLE) / 33554432) AS BIGINT) AS epoch_no
FROM dwd.pool_share;
