CREATE TABLE IF NOT EXISTS dws.btc_script_type_day (
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    script_type STRING NOT NULL COMMENT 'Output script type (Bitcoin Core names)',
    output_count BIGINT COMMENT 'Main-chain outputs of that type created that day',
    value_sat BIGINT COMMENT 'Their total value, satoshi',
    PRIMARY KEY (dt, script_type) NOT ENFORCED
) COMMENT 'DWS: output script-type mix per UTC day, main chain only (grain: dt x script_type)'
WITH (
    'bucket' = '1',
    'changelog-producer' = 'lookup'
);
