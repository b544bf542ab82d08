-- Upserts btcpool's stats_pool_day from dws.pool_day; the MySQL table is mysql/pool/stats_pool_day.sql.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_stats_pool_day (
    `day` INT,
    share_accept BIGINT,
    share_stale BIGINT,
    share_reject BIGINT,
    reject_detail STRING,
    reject_rate DOUBLE,
    score DOUBLE,
    earn BIGINT,
    lucky DOUBLE,
    PRIMARY KEY (`day`) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'stats_pool_day',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'sink.max-retries' = '10'
);

INSERT INTO default_catalog.default_database.mysql_stats_pool_day
SELECT
    CAST(DATE_FORMAT(window_start, 'yyyyMMdd') AS INT) AS `day`,
    share_accept,
    share_stale,
    share_reject,
    reject_detail,
    reject_rate,
    score,
    earn,
    COALESCE(luck, 0.0) AS lucky
FROM dws.pool_day;
