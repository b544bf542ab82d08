INSERT INTO dws.btc_address_day
SELECT
    m.address,
    m.dt,
    SUM(m.received_sat) AS received_sat,
    SUM(m.sent_sat) AS sent_sat,
    COUNT(DISTINCT m.txid) AS tx_count,
    SUM(m.is_output) AS output_count,
    SUM(m.is_input) AS input_count,
    MIN(m.block_height) AS first_seen_height,
    MAX(m.block_height) AS last_seen_height
FROM (
    SELECT
        o.address,
        o.dt,
        o.txid,
        o.value_sat AS received_sat,
        CAST(0 AS BIGINT) AS sent_sat,
        CAST(1 AS BIGINT) AS is_output,
        CAST(0 AS BIGINT) AS is_input,
        o.block_height
    FROM dwd.btc_output AS o
    JOIN dwd.btc_block AS b
        ON b.block_hash = o.block_hash AND b.in_main_chain
    WHERE o.address IS NOT NULL
    UNION ALL
    SELECT
        i.address,
        i.dt,
        i.txid,
        CAST(0 AS BIGINT) AS received_sat,
        i.value_sat AS sent_sat,
        CAST(0 AS BIGINT) AS is_output,
        CAST(1 AS BIGINT) AS is_input,
        i.block_height
    FROM dwd.btc_input AS i
    JOIN dwd.btc_block AS b
        ON b.block_hash = i.block_hash AND b.in_main_chain
    WHERE i.address IS NOT NULL
) AS m
GROUP BY m.address, m.dt;
