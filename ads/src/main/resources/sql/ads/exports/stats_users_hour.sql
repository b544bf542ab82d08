-- Upserts btcpool's stats_users_hour from dws.pool_user_hour; the MySQL table is mysql/pool/stats_users_hour.sql.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_stats_users_hour (
    puid INT,
    `hour` INT,
    share_accept BIGINT,
    share_stale BIGINT,
    share_reject BIGINT,
    reject_detail STRING,
    reject_rate DOUBLE,
    score DOUBLE,
    earn BIGINT,
    PRIMARY KEY (puid, `hour`) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'stats_users_hour',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'sink.max-retries' = '10'
);

INSERT INTO default_catalog.default_database.mysql_stats_users_hour
SELECT
    user_id AS puid,
    CAST(DATE_FORMAT(window_start, 'yyyyMMddHH') AS INT) AS `hour`,
    share_accept,
    share_stale,
    share_reject,
    reject_detail,
    reject_rate,
    score,
    earn
FROM dws.pool_user_hour;
