-- Every dwd.pool_share row with btcpool's per-share figures (data/README.md, "Mining-pool share events"): its
-- share_diff in exactly one of the accept / stale / reject sums by the DWD flags, its score min(1, share_diff /
-- network_diff) and earn score x block subsidy when accepted, and the UTC minute, hour and day it falls in. The
-- statistics tables are plain GROUP BYs over this view, so a late share updates its window in batch and streaming.
CREATE TEMPORARY VIEW pool_share_scored AS
SELECT
    user_id,
    worker_id,
    share_time,
    ip,
    FLOOR(share_time TO MINUTE) AS minute_start,
    FLOOR(share_time TO HOUR) AS hour_start,
    FLOOR(share_time TO DAY) AS day_start,
    CASE WHEN is_accepted THEN share_diff ELSE 0 END AS accept_diff,
    CASE WHEN is_stale THEN share_diff ELSE 0 END AS stale_diff,
    CASE WHEN is_rejected THEN share_diff ELSE 0 END AS reject_diff,
    CASE WHEN is_rejected THEN status_name END AS reject_reason,
    CASE WHEN is_accepted THEN 1 ELSE 0 END AS accept_share,
    CASE WHEN is_rejected THEN 1 ELSE 0 END AS reject_share,
    CASE WHEN status_name = 'SOLVED' THEN 1 ELSE 0 END AS found_block,
    CASE WHEN status_name = 'SOLVED' THEN network_diff ELSE 0.0 END AS found_network_diff,
    CASE WHEN is_accepted THEN CONCAT(CAST(user_id AS STRING), '/', CAST(worker_id AS STRING)) END AS accepting_worker,
    CASE WHEN is_accepted THEN user_id END AS accepting_user,
    -- as DECIMAL, so that sums are exact: a sum of DOUBLEs depends on the order its rows arrive in (a rebuild
    -- rewrote pool rows differing in the 16th digit) and a streamed retraction would leave rounding behind
    CAST(share_score AS DECIMAL(38, 24)) AS score,
    CAST(share_score * block_subsidy(
            CAST(height AS BIGINT), CASE WHEN '${network}' = 'regtest' THEN 150 ELSE 210000 END
        ) AS DECIMAL(38, 12)) AS earn
FROM (
    SELECT
        *,
        -- btcpool ShareBitcoin::score(): a share can at most find one block, so its score is capped at 1
        CASE
            WHEN is_accepted AND share_diff > 0 AND network_diff > 0
            THEN LEAST(1.0E0, CAST(share_diff AS DOUBLE) / network_diff)
            ELSE 0.0E0
        END AS share_score
    FROM dwd.pool_share
);
