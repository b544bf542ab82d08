-- Upserts btcpool's stats_users_day from dws.pool_user_day; the MySQL table is mysql/pool/stats_users_day.sql.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_stats_users_day (
    puid INT,
    `day` INT,
    share_accept BIGINT,
    share_stale BIGINT,
    share_reject BIGINT,
    reject_detail STRING,
    reject_rate DOUBLE,
    score DOUBLE,
    earn BIGINT,
    PRIMARY KEY (puid, `day`) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'stats_users_day',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'sink.max-retries' = '10'
);

INSERT INTO default_catalog.default_database.mysql_stats_users_day
SELECT
    user_id AS puid,
    CAST(DATE_FORMAT(window_start, 'yyyyMMdd') AS INT) AS `day`,
    share_accept,
    share_stale,
    share_reject,
    reject_detail,
    reject_rate,
    score,
    earn
FROM dws.pool_user_day;
