-- Core's retarget (CalculateNextWorkRequired) measures the time from the epoch's first block to its last block.
INSERT INTO ads.difficulty_epoch
SELECT
    e.dt,
    e.epoch,
    e.first_height,
    e.last_height,
    e.block_count,
    e.block_count = 2016 AS is_complete,
    f.bits,
    f.difficulty,
    CASE WHEN e.block_count = 2016 THEN l.`time` - f.`time` END AS actual_timespan_s,
    CAST(1209600 AS BIGINT) AS target_timespan_s,
    CASE WHEN e.block_count = 2016 THEN CAST(l.`time` - f.`time` AS DOUBLE) / 1209600 END AS timespan_ratio,
    CASE WHEN e.block_count = 2016 THEN next_work_bits(f.bits, l.`time` - f.`time`, '${network}') END AS next_bits,
    CASE
        WHEN e.block_count = 2016
        THEN bits_to_difficulty(next_work_bits(f.bits, l.`time` - f.`time`, '${network}'))
    END AS next_difficulty,
    CASE
        WHEN e.last_height > e.first_height AND l.`time` > f.`time`
        THEN hashrate_from_difficulty(
            f.difficulty,
            CAST(l.`time` - f.`time` AS DOUBLE) / (e.last_height - e.first_height))
    END AS est_hashrate
FROM (
    SELECT
        epoch,
        MIN(dt) AS dt,
        MIN(height) AS first_height,
        MAX(height) AS last_height,
        COUNT(*) AS block_count
    FROM (
        SELECT
            height,
            dt,
            CAST(FLOOR(height / 2016.0) AS INT) AS epoch
        FROM dws.btc_block_stats
    )
    GROUP BY epoch
) AS e
JOIN dws.btc_block_stats AS f
    ON f.height = e.first_height
JOIN dws.btc_block_stats AS l
    ON l.height = e.last_height;
