-- The UTC minute of "now" (pool_as_of), as its own aggregate: it changes once a minute, where pool_as_of changes with
-- every newer share. Jobs whose rows depend only on the minute join this one, so a new share does not make them
-- recompute every row they hold.
CREATE TEMPORARY VIEW pool_as_of_minute AS
SELECT
    1 AS join_key,
    MAX(window_start) AS as_of_minute
FROM dws.pool_worker_minute;
