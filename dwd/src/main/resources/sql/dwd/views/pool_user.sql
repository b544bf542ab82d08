-- Pool users live in MySQL (${mysql_pool_database}.users), read through flink-connector-jdbc by a lookup join with
-- a cache: a share looks its user up when it passes, so a user added later names the shares that follow. When MySQL
-- cannot be reached the runtime replaces the view with an empty one and names come out NULL.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_pool_user (
    puid INT,
    user_name STRING,
    PRIMARY KEY (puid) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_pool_database}',
    'table-name' = 'users',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}',
    'lookup.cache' = 'PARTIAL',
    'lookup.partial-cache.max-rows' = '100000',
    'lookup.partial-cache.expire-after-write' = '5 min',
    'lookup.partial-cache.cache-missing-key' = 'true'
);

CREATE TEMPORARY VIEW pool_user AS
SELECT
    puid,
    user_name
FROM default_catalog.default_database.mysql_pool_user;
