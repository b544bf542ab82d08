-- "Now" of the pool's realtime tables: the newest share_time in the warehouse (the watermark), never the wall clock,
-- so a rebuild gives the same rows. join_key lets a job attach it to every row with a plain equi-join.
CREATE TEMPORARY VIEW pool_as_of AS
SELECT
    1 AS join_key,
    MAX(last_share_time) AS as_of,
    FLOOR(MAX(last_share_time) TO MINUTE) AS as_of_minute
FROM dws.pool_worker_minute;
