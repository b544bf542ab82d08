-- Upserts the realtime columns of btcpool's mining_workers from ads.pool_worker_realtime; the dimension columns
-- (group_id, worker_name, ...) are not in this table, so the upsert leaves them as the share loader wrote them.
-- updated_at is the data time of the figures (as_of), so a replay writes the same row again.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_mining_workers (
    worker_id BIGINT,
    puid INT,
    accept_1m BIGINT,
    accept_5m BIGINT,
    accept_15m BIGINT,
    stale_15m BIGINT,
    reject_15m BIGINT,
    accept_1h BIGINT,
    stale_1h BIGINT,
    reject_1h BIGINT,
    accept_count INT,
    last_share_ip STRING,
    last_share_time TIMESTAMP(0),
    updated_at TIMESTAMP(0),
    PRIMARY KEY (puid, worker_id) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'mining_workers',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'sink.max-retries' = '10'
);

INSERT INTO default_catalog.default_database.mysql_mining_workers
SELECT
    worker_id,
    user_id AS puid,
    accept_1m,
    accept_5m,
    accept_15m,
    stale_15m,
    reject_15m,
    accept_1h,
    stale_1h,
    reject_1h,
    CAST(accept_count AS INT) AS accept_count,
    COALESCE(last_share_ip, '0.0.0.0') AS last_share_ip,
    CAST(last_share_time AS TIMESTAMP(0)) AS last_share_time,
    CAST(as_of AS TIMESTAMP(0)) AS updated_at
FROM ads.pool_worker_realtime;
