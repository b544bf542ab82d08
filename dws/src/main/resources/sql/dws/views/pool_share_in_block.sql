-- Every dwd.pool_share row the late-share rule reads, with the block of 1024 consecutive positions of its topic
-- partition or file it was read in (block_no 0 holds positions 0-1023), the span of 1024 blocks (2^20 positions) and
-- the epoch of 1024 spans (2^30 positions) that hold that block. DOUBLE division: the DECIMAL form of
-- source_offset / 1024.0 cost a fifth of the pool stream's CPU.
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
    CAST(FLOOR(CAST(source_offset AS DOUBLE) / 1024) AS BIGINT) AS block_no,
    CAST(FLOOR(CAST(source_offset AS DOUBLE) / 1048576) AS BIGINT) AS span_no,
    CAST(FLOOR(CAST(source_offset AS DOUBLE) / 1073741824) AS BIGINT) AS epoch_no
FROM dwd.pool_share;
