-- A share is late when a share read before it from the same topic partition or file (smaller source_offset) is
-- more than pool.allowed-lateness-s newer. The rule depends only on positions and share times, not on the order the
-- job sees the rows in, so batch and streaming list the same shares.
INSERT INTO dws.pool_share_late
SELECT
    s.dt,
    s.worker_id,
    s.job_id,
    s.session_id,
    s.nonce,
    s.share_time,
    s.version_mask,
    s.user_id,
    s.status_name,
    s.share_diff,
    s.source_name,
    s.source_partition,
    s.source_offset,
    n.newest_before_time,
    TIMESTAMPDIFF(SECOND, s.share_time, n.newest_before_time) AS late_by_s
FROM dwd.pool_share AS s
JOIN (
    SELECT
        source_name,
        source_partition,
        source_offset,
        MAX(newest_time) AS newest_before_time
    FROM (
        -- the newest share of the earlier blocks
        SELECT
            s.source_name,
            s.source_partition,
            s.source_offset,
            b.newest_before_block AS newest_time
        FROM pool_share_in_block AS s
        JOIN pool_share_source_block AS b
            ON b.source_name = s.source_name
            AND b.source_partition = s.source_partition
            AND b.block_no = s.block_no
        WHERE b.newest_before_block > TIMESTAMPADD(SECOND, ${pool_allowed_lateness_s}, s.share_time)
        UNION ALL
        -- the earlier shares of its own block
        SELECT
            s.source_name,
            s.source_partition,
            s.source_offset,
            e.share_time AS newest_time
        FROM pool_share_in_block AS s
        JOIN pool_share_in_block AS e
            ON e.source_name = s.source_name
            AND e.source_partition = s.source_partition
            AND e.block_no = s.block_no
            AND e.source_offset < s.source_offset
            AND e.share_time > TIMESTAMPADD(SECOND, ${pool_allowed_lateness_s}, s.share_time)
    )
    GROUP BY source_name, source_partition, source_offset
) AS n
    ON n.source_name = s.source_name
    AND n.source_partition = s.source_partition
    AND n.source_offset = s.source_offset;
