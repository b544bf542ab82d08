-- description: network is one of main, testnet3, testnet4, signet, regtest; height_hint_source is heights_file (load-blocks --heights), kafka_header (stream: the publisher's height header), bip34 or NULL, and NULL exactly when height_hint is
-- severity: error
SELECT
    block_hash,
    network,
    height_hint,
    height_hint_source,
    problem
FROM (
    SELECT
        block_hash,
        network,
        height_hint,
        height_hint_source,
        CASE
            WHEN network IS NULL OR network NOT IN ('main', 'testnet3', 'testnet4', 'signet', 'regtest')
            THEN 'unknown network'
            WHEN height_hint_source IS NOT NULL AND height_hint_source NOT IN ('heights_file', 'kafka_header', 'bip34')
            THEN 'unknown height_hint_source'
            WHEN (height_hint IS NULL) <> (height_hint_source IS NULL)
            THEN 'height_hint and height_hint_source are not both set or both NULL'
        END AS problem
    FROM ods.btc_block_raw
)
WHERE problem IS NOT NULL
