-- Address labels live in MySQL (chainlake.address_label), read through flink-connector-jdbc. When MySQL cannot be
-- reached the runtime defines address_label as an empty view instead, so reports build with NULL labels.
CREATE TEMPORARY TABLE address_label (
    address STRING,
    label STRING,
    category STRING,
    source STRING,
    PRIMARY KEY (address) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'url' = '${mysql_url}/${mysql_database}',
    'table-name' = 'address_label',
    'username' = '${mysql_user}',
    'password' = '${mysql_password}'
);
