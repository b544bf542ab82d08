-- description: dws.btc_script_type_day recomputed from the outputs of DWD main-chain blocks per UTC day and script type: same rows, output_count and value_sat
-- severity: error
SELECT
    dt,
    script_type,
    output_count,
    dwd_output_count,
    value_sat,
    dwd_value_sat
FROM (
    SELECT
        COALESCE(s.dt, d.dt) AS dt,
        COALESCE(s.script_type, d.script_type) AS script_type,
        s.output_count,
        d.output_count AS dwd_output_count,
        s.value_sat,
        d.value_sat AS dwd_value_sat
    FROM dws.btc_script_type_day AS s
    FULL OUTER JOIN (
        SELECT
            o.dt,
            o.script_type,
            COUNT(*) AS output_count,
            SUM(o.value_sat) AS value_sat
        FROM dwd.btc_output AS o
        JOIN dwd.btc_block AS b
            ON b.block_hash = o.block_hash AND b.in_main_chain
        GROUP BY o.dt, o.script_type
    ) AS d
        ON d.dt = s.dt AND d.script_type = s.script_type
)
WHERE output_count IS DISTINCT FROM dwd_output_count OR value_sat IS DISTINCT FROM dwd_value_sat
