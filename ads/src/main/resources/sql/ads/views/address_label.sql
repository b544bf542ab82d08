-- Address labels live in MySQL (chainlake.address_label), read through flink-connector-jdbc. The JDBC table sits
-- in Flink's built-in catalog (the Paimon catalog only holds Paimon tables); jobs read it through this view.
-- When MySQL cannot be reached the runtime replaces the view with an empty one, so reports build with NULL labels.
CREATE TEMPORARY TABLE IF NOT EXISTS default_catalog.default_database.mysql_address_label (
    address STRING,
    label STRING,
    category STRING,
    source STRING,
    PRIMARY KEY (address) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'driver' = 'com.mysql.cj.jdbc.Driver',
    'url' = '${mysql_url}/${mysql_database}',
    'table-name' = 'address_label',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}'
);

CREATE TEMPORARY VIEW address_label AS
SELECT
    address,
    label,
    category,
    source
FROM default_catalog.default_database.mysql_address_label;
