-- Per block of 32 consecutive positions of a topic partition or file (view pool_share_in_block): the newest
-- share_time of all the positions before it. The late-share job joins a share to its own block's row by equality and
-- compares it with the earlier shares of its own block only.
-- A join keyed by partition alone makes every new share walk all blocks of its partition, and the state of a MAX
-- over every earlier block grows with the square of the blocks (a pool at 50k shares/s adds 1,500 blocks a second). So
-- the newest time before a block comes in three steps: the epochs (2^25 positions) before its epoch, joined on the
-- partition (one row per epoch), the spans (2^15 positions) before its span within the epoch and the blocks before
-- it within the span, each joined on a key that holds at most 1024 rows. The side that lists which blocks, spans and
-- epochs exist is a DISTINCT of keys, which never changes once a key is there, so a new share's newer time is not
-- joined again with every block it is compared to. Still a set rule that batch and streaming evaluate alike.
CREATE TEMPORARY VIEW pool_share_source_block AS
WITH block AS (
    SELECT source_name, source_partition, epoch_no, span_no, block_no, MAX(share_time) AS newest_share_time
    FROM pool_share_in_block
    GROUP BY source_name, source_partition, epoch_no, span_no, block_no
),
block_key AS (
    SELECT DISTINCT source_name, source_partition, epoch_no, span_no, block_no
    FROM pool_share_in_block
),
span AS (
    SELECT source_name, source_partition, epoch_no, span_no, MAX(newest_share_time) AS newest_share_time
    FROM block
    GROUP BY source_name, source_partition, epoch_no, span_no
),
span_key AS (
    SELECT DISTINCT source_name, source_partition, epoch_no, span_no
    FROM block_key
),
epoch AS (
    SELECT source_name, source_partition, epoch_no, MAX(newest_share_time) AS newest_share_time
    FROM span
    GROUP BY source_name, source_partition, epoch_no
),
epoch_key AS (
    SELECT DISTINCT source_name, source_partition, epoch_no
    FROM span_key
),
before_epoch AS (
    SELECT k.source_name, k.source_partition, k.epoch_no, MAX(earlier.newest_share_time) AS newest_before
    FROM epoch_key AS k
    JOIN epoch AS earlier
        ON earlier.source_name = k.source_name
        AND earlier.source_partition = k.source_partition
        AND earlier.epoch_no < k.epoch_no
    GROUP BY k.source_name, k.source_partition, k.epoch_no
),
before_span AS (
    SELECT source_name, source_partition, span_no, MAX(newest_time) AS newest_before
    FROM (
        SELECT k.source_name, k.source_partition, k.span_no, earlier.newest_share_time AS newest_time
        FROM span_key AS k
        JOIN span AS earlier
            ON earlier.source_name = k.source_name
            AND earlier.source_partition = k.source_partition
            AND earlier.epoch_no = k.epoch_no
            AND earlier.span_no < k.span_no
        UNION ALL
        SELECT k.source_name, k.source_partition, k.span_no, e.newest_before AS newest_time
        FROM span_key AS k
        JOIN before_epoch AS e
            ON e.source_name = k.source_name
            AND e.source_partition = k.source_partition
            AND e.epoch_no = k.epoch_no
    )
    GROUP BY source_name, source_partition, span_no
)
SELECT source_name, source_partition, block_no, MAX(newest_time) AS newest_before_block
FROM (
    SELECT k.source_name, k.source_partition, k.block_no, earlier.newest_share_time AS newest_time
    FROM block_key AS k
    JOIN block AS earlier
        ON earlier.source_name = k.source_name
        AND earlier.source_partition = k.source_partition
        AND earlier.span_no = k.span_no
        AND earlier.block_no < k.block_no
    UNION ALL
    SELECT k.source_name, k.source_partition, k.block_no, s.newest_before AS newest_time
    FROM block_key AS k
    JOIN before_span AS s
        ON s.source_name = k.source_name
        AND s.source_partition = k.source_partition
        AND s.span_no = k.span_no
)
GROUP BY source_name, source_partition, block_no;
