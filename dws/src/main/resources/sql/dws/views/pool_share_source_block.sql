-- The newest share_time per block of 1024 consecutive positions of a topic partition or file. The late-share job
-- compares a share with the blocks before its own (few rows) and with the earlier shares of its own block only,
-- instead of with every earlier share: n x 1024 comparisons, not n^2, and still a set rule that batch and
-- streaming evaluate alike.
CREATE TEMPORARY VIEW pool_share_source_block AS
SELECT
    source_name,
    source_partition,
    CAST(FLOOR(source_offset / 1024.0) AS BIGINT) AS block_no,
    MAX(share_time) AS newest_share_time
FROM dwd.pool_share
GROUP BY source_name, source_partition, CAST(FLOOR(source_offset / 1024.0) AS BIGINT);
