-- description: per UTC day, the sums of dws.btc_address_day (received_sat, output_count, sent_sat, input_count) equal the DWD main-chain outputs paying an address and inputs spending one
-- severity: error
SELECT
    dt,
    received_sat,
    dwd_received_sat,
    output_count,
    dwd_output_count,
    sent_sat,
    dwd_sent_sat,
    input_count,
    dwd_input_count
FROM (
    SELECT
        COALESCE(a.dt, d.dt) AS dt,
        a.received_sat,
        d.received_sat AS dwd_received_sat,
        a.output_count,
        d.output_count AS dwd_output_count,
        a.sent_sat,
        d.sent_sat AS dwd_sent_sat,
        a.input_count,
        d.input_count AS dwd_input_count
    FROM (
        SELECT
            dt,
            SUM(received_sat) AS received_sat,
            SUM(output_count) AS output_count,
            SUM(sent_sat) AS sent_sat,
            SUM(input_count) AS input_count
        FROM dws.btc_address_day
        GROUP BY dt
    ) AS a
    FULL OUTER JOIN (
        SELECT
            m.dt,
            SUM(m.received_sat) AS received_sat,
            SUM(m.is_output) AS output_count,
            SUM(m.sent_sat) AS sent_sat,
            SUM(m.is_input) AS input_count
        -- rows without an address count as zero rather than being filtered out, so that the scans of the fact
        -- tables are the ones the other DWS checks read (Flink reuses a scan only with the same filter)
        FROM (
            SELECT
                o.dt,
                CASE WHEN o.address IS NULL THEN CAST(0 AS BIGINT) ELSE o.value_sat END AS received_sat,
                CAST(CASE WHEN o.address IS NULL THEN 0 ELSE 1 END AS BIGINT) AS is_output,
                CAST(0 AS BIGINT) AS sent_sat,
                CAST(0 AS BIGINT) AS is_input
            FROM dwd.btc_output AS o
            JOIN dwd.btc_block AS b
                ON b.block_hash = o.block_hash AND b.in_main_chain
            UNION ALL
            SELECT
                i.dt,
                CAST(0 AS BIGINT) AS received_sat,
                CAST(0 AS BIGINT) AS is_output,
                CASE WHEN i.address IS NULL THEN CAST(0 AS BIGINT) ELSE i.value_sat END AS sent_sat,
                CAST(CASE WHEN i.address IS NULL THEN 0 ELSE 1 END AS BIGINT) AS is_input
            FROM dwd.btc_input AS i
            JOIN dwd.btc_block AS b
                ON b.block_hash = i.block_hash AND b.in_main_chain
        ) AS m
        GROUP BY m.dt
        HAVING SUM(m.is_output) + SUM(m.is_input) > 0
    ) AS d
        ON d.dt = a.dt
)
WHERE received_sat IS DISTINCT FROM dwd_received_sat
    OR output_count IS DISTINCT FROM dwd_output_count
    OR sent_sat IS DISTINCT FROM dwd_sent_sat
    OR input_count IS DISTINCT FROM dwd_input_count
