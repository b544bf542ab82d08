-- description: each share counts toward exactly one of accepted / stale / rejected, reject_reason is NULL exactly for accepted shares, share_diff is above 0 and dt is the UTC day of share_time
-- severity: error
SELECT
    dt,
    worker_id,
    share_time,
    status,
    problem
FROM (
    SELECT
        dt,
        worker_id,
        share_time,
        status,
        CASE
            WHEN is_accepted IS NULL OR is_stale IS NULL OR is_rejected IS NULL
                OR (CASE WHEN is_accepted THEN 1 ELSE 0 END) + (CASE WHEN is_stale THEN 1 ELSE 0 END)
                    + (CASE WHEN is_rejected THEN 1 ELSE 0 END) <> 1
            THEN 'not exactly one of is_accepted, is_stale, is_rejected'
            WHEN is_accepted AND reject_reason IS NOT NULL THEN 'accepted share with a reject_reason'
            WHEN NOT is_accepted AND reject_reason IS NULL THEN 'stale or rejected share without a reject_reason'
            WHEN is_accepted AND status_name NOT IN ('ACCEPT', 'SOLVED') THEN 'accepted share of a non-accepting status'
            WHEN share_diff IS NULL OR share_diff <= 0 THEN 'share_diff not above 0'
            WHEN dt <> DATE_FORMAT(share_time, 'yyyy-MM-dd') THEN 'dt is not the UTC day of share_time'
        END AS problem
    FROM dwd.pool_share
)
WHERE problem IS NOT NULL
