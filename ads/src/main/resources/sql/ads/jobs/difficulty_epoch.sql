-- Core's retarget (CalculateNextWorkRequired) measures the time from the epoch's first block to its last block.
-- One GROUP BY epoch computes everything (min_by / max_by pick the first and last block's fields by height), so in
-- streaming every change of an epoch leaves one keyed operator in order; joining the first and last block back by
-- height would shuffle an epoch's retraction and its new row apart and the upsert sink could keep the retraction.
INSERT INTO ads.difficulty_epoch
SELECT
    e.dt,
    e.epoch,
    e.first_height,
    e.last_height,
    e.block_count,
    e.block_count = 2016 AS is_complete,
    e.bits,
    bits_to_difficulty(e.bits) AS difficulty,
    CASE WHEN e.block_count = 2016 THEN e.last_time - e.first_time END AS actual_timespan_s,
    CAST(1209600 AS BIGINT) AS target_timespan_s,
    CASE WHEN e.block_count = 2016 THEN CAST(e.last_time - e.first_time AS DOUBLE) / 1209600 END AS timespan_ratio,
    CASE WHEN e.block_count = 2016 THEN next_work_bits(e.bits, e.last_time - e.first_time, '${network}') END AS next_bits,
    CASE
        WHEN e.block_count = 2016
        THEN bits_to_difficulty(next_work_bits(e.bits, e.last_time - e.first_time, '${network}'))
    END AS next_difficulty,
    CASE
        WHEN e.last_height > e.first_height AND e.last_time > e.first_time
        THEN hashrate_from_difficulty(
            bits_to_difficulty(e.bits),
            CAST(e.last_time - e.first_time AS DOUBLE) / (e.last_height - e.first_height))
    END AS est_hashrate
FROM (
    SELECT
        epoch,
        MIN(dt) AS dt,
        MIN(height) AS first_height,
        MAX(height) AS last_height,
        COUNT(*) AS block_count,
        min_by(bits, height) AS bits,
        min_by(`time`, height) AS first_time,
        max_by(`time`, height) AS last_time
    FROM (
        SELECT
            height,
            dt,
            bits,
            `time`,
            CAST(FLOOR(height / 2016.0) AS INT) AS epoch
        FROM dws.btc_block_stats
    )
    GROUP BY epoch
) AS e;
