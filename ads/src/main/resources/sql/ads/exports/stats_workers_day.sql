-- Upserts btcpool's stats_workers_day from dws.pool_worker_day; the MySQL table is mysql/pool/stats_workers_day.sql.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_stats_workers_day (
    puid INT,
    worker_id BIGINT,
    `day` INT,
    share_accept BIGINT,
    share_stale BIGINT,
    share_reject BIGINT,
    reject_detail STRING,
    reject_rate DOUBLE,
    score DOUBLE,
    earn BIGINT,
    PRIMARY KEY (puid, worker_id, `day`) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'stats_workers_day',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'sink.max-retries' = '10'
);

INSERT INTO default_catalog.default_database.mysql_stats_workers_day
SELECT
    user_id AS puid,
    worker_id,
    CAST(DATE_FORMAT(window_start, 'yyyyMMdd') AS INT) AS `day`,
    share_accept,
    share_stale,
    share_reject,
    reject_detail,
    reject_rate,
    score,
    earn
FROM dws.pool_worker_day;
