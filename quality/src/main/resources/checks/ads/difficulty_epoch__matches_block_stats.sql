-- description: ads.difficulty_epoch has one row per 2016-block epoch with blocks in dws.btc_block_stats and no other, with the same first/last height and block_count; is_complete exactly when all 2016 blocks are present
-- severity: error
SELECT
    epoch,
    first_height,
    dws_first_height,
    last_height,
    dws_last_height,
    block_count,
    dws_block_count,
    is_complete
FROM (
    SELECT
        COALESCE(e.epoch, s.epoch) AS epoch,
        e.first_height,
        s.first_height AS dws_first_height,
        e.last_height,
        s.last_height AS dws_last_height,
        e.block_count,
        s.block_count AS dws_block_count,
        e.is_complete
    FROM ads.difficulty_epoch AS e
    FULL OUTER JOIN (
        SELECT
            height / 2016 AS epoch,
            MIN(height) AS first_height,
            MAX(height) AS last_height,
            COUNT(*) AS block_count
        FROM dws.btc_block_stats
        GROUP BY height / 2016
    ) AS s
        ON s.epoch = e.epoch
)
WHERE first_height IS DISTINCT FROM dws_first_height
    OR last_height IS DISTINCT FROM dws_last_height
    OR block_count IS DISTINCT FROM dws_block_count
    OR is_complete IS DISTINCT FROM (dws_block_count = 2016)
