-- Workers live in MySQL (${mysql_pool_database}.mining_workers, btcpool's shape), read through
-- flink-connector-jdbc by a lookup join with a cache; only the dimension columns are read. When MySQL cannot be
-- reached the runtime replaces the view with an empty one and names come out NULL.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_pool_worker (
    puid INT,
    worker_id BIGINT,
    group_id INT,
    worker_name STRING,
    PRIMARY KEY (puid, worker_id) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'mining_workers',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'lookup.cache' = 'PARTIAL',
    'lookup.partial-cache.max-rows' = '1000000',
    'lookup.partial-cache.expire-after-write' = '5 min',
    'lookup.partial-cache.cache-missing-key' = 'true'
);

CREATE TEMPORARY VIEW pool_worker AS
SELECT
    puid,
    worker_id,
    group_id,
    worker_name
FROM default_catalog.default_database.mysql_pool_worker;
