INSERT INTO dws.btc_script_type_day
SELECT
    o.dt,
    o.script_type,
    COUNT(*) AS output_count,
    SUM(o.value_sat) AS value_sat
FROM dwd.btc_output AS o
JOIN dwd.btc_block AS b
    ON b.block_hash = o.block_hash AND b.in_main_chain
GROUP BY o.dt, o.script_type;
