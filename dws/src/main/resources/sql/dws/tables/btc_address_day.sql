CREATE TABLE IF NOT EXISTS dws.btc_address_day (
    address STRING NOT NULL COMMENT 'Address (base58 / bech32 / bech32m)',
    dt STRING NOT NULL COMMENT 'UTC day, yyyy-MM-dd',
    received_sat BIGINT COMMENT 'Value of the main-chain outputs paying the address that day',
    sent_sat BIGINT COMMENT 'Value of the address''s outputs spent by main-chain inputs that day (known prevouts only)',
    tx_count BIGINT COMMENT 'Distinct main-chain transactions that day paying or spending the address',
    output_count BIGINT COMMENT 'Outputs paying the address that day',
    input_count BIGINT COMMENT 'Inputs spending the address''s outputs that day',
    first_seen_height INT COMMENT 'Lowest height that day where the address appears',
    last_seen_height INT COMMENT 'Highest height that day where the address appears',
    PRIMARY KEY (address, dt) NOT ENFORCED
) COMMENT 'DWS: activity per address per UTC day, main chain only (grain: address x dt)'
WITH (
    'bucket' = '4',
    'changelog-producer' = 'lookup'
);
