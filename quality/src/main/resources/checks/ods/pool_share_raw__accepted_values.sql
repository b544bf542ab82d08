-- description: source is kafka or file, encoding is json or protobuf, a file has partition 0 and 1-based positions, every message has its bytes
-- severity: error
SELECT
    source_name,
    source_partition,
    source_offset,
    problem
FROM (
    SELECT
        source_name,
        source_partition,
        source_offset,
        CASE
            WHEN source IS NULL OR source NOT IN ('kafka', 'file') THEN 'unknown source'
            WHEN encoding IS NULL OR encoding NOT IN ('json', 'protobuf') THEN 'unknown encoding'
            WHEN source = 'file' AND (source_partition <> 0 OR source_offset < 1) THEN 'file position out of range'
            WHEN payload IS NULL THEN 'no payload'
        END AS problem
    FROM ods.pool_share_raw
)
WHERE problem IS NOT NULL
