-- One row per distinct share: the key is the share's identity, so an exact redelivery (same worker, job, session,
-- nonce, time and version mask) lands on the same row and first-row keeps the first. Insert-only, as first-row
-- wants in streaming. Names come from the MySQL dimensions by lookup join; an unknown user or worker keeps the
-- share with a NULL name.
INSERT INTO dwd.pool_share
SELECT
    DATE_FORMAT(s.share_time, 'yyyy-MM-dd') AS dt,
    s.worker_id,
    s.job_id,
    s.session_id,
    s.nonce,
    s.share_time,
    s.version_mask,
    s.user_id,
    s.status,
    share_status_name(s.status) AS status_name,
    share_status_class(s.status) = 'accepted' AS is_accepted,
    share_status_class(s.status) = 'stale' AS is_stale,
    share_status_class(s.status) = 'rejected' AS is_rejected,
    CASE WHEN share_status_class(s.status) <> 'accepted' THEN share_status_name(s.status) END AS reject_reason,
    s.share_diff,
    bits_to_difficulty(s.blk_bits) AS network_diff,
    s.blk_bits,
    s.height,
    s.ip,
    s.ext_user_id,
    s.bits_reached,
    u.user_name,
    w.worker_name,
    s.source_name,
    s.source_partition,
    s.source_offset
FROM pool_share_decoded AS s
LEFT JOIN pool_user FOR SYSTEM_TIME AS OF s.proc_time AS u
    ON u.puid = s.user_id
LEFT JOIN pool_worker FOR SYSTEM_TIME AS OF s.proc_time AS w
    ON w.puid = s.user_id AND w.worker_id = s.worker_id;
