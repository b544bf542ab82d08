INSERT INTO dws.pool_user_hour
SELECT
    DATE_FORMAT(hour_start, 'yyyy-MM-dd') AS dt,
    user_id,
    hour_start AS window_start,
    SUM(accept_diff) AS share_accept,
    SUM(stale_diff) AS share_stale,
    SUM(reject_diff) AS share_reject,
    reject_detail(reject_reason, reject_diff) AS reject_detail,
    CASE
        WHEN SUM(reject_diff) = 0 THEN 0.0
        ELSE CAST(SUM(reject_diff) AS DOUBLE) / (SUM(accept_diff) + SUM(reject_diff))
    END AS reject_rate,
    CAST(SUM(score) AS DOUBLE) AS score,
    CAST(SUM(earn) AS BIGINT) AS earn,
    CAST(SUM(accept_diff) AS DOUBLE) * 4294967296 / 3600 AS hashrate,
    SUM(accept_share) AS accept_count,
    SUM(reject_share) AS reject_count,
    SUM(found_block) AS block_count
FROM pool_share_scored
GROUP BY user_id, hour_start;
