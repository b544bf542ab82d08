-- Per block of 1024 consecutive positions of a topic partition or file (view pool_share_in_block): the newest
-- share_time of all the blocks before it. The late-share job joins a share to its own block's row by equality and
-- compares it with the earlier shares of its own block only: at most 1024 comparisons per share, and a new share
-- changes one block's newest time, which reaches only the blocks after it (comparing every share with every earlier
-- block instead made each share re-evaluate the whole partition). Still a set rule that batch and streaming evaluate
-- alike.
CREATE TEMPORARY VIEW pool_share_source_block AS
WITH block AS (
    SELECT source_name, source_partition, block_no, MAX(share_time) AS newest_share_time
    FROM pool_share_in_block
    GROUP BY source_name, source_partition, block_no
)
SELECT
    b.source_name,
    b.source_partition,
    b.block_no,
    MAX(earlier.newest_share_time) AS newest_before_block
FROM block AS b
JOIN block AS earlier
    ON earlier.source_name = b.source_name
    AND earlier.source_partition = b.source_partition
    AND earlier.block_no < b.block_no
GROUP BY b.source_name, b.source_partition, b.block_no;
