-- Batch: written by the Java loader io.chainlake.ods.load.ShareLoader (./chainlake load-shares): share-log files
-- are not a Flink source, and their framing (lines, length-delimited protobuf) is read in Java.
-- Streaming (./chainlake stream): this INSERT, every record of Kafka topic pool.share as received, undecodable ones
-- too (they also go to the reject table). Redeliveries of a position are absorbed by first-row.
INSERT INTO ods.pool_share_raw
SELECT
    'kafka' AS source,
    topic AS source_name,
    kafka_partition AS source_partition,
    kafka_offset AS source_offset,
    '${pool_share_encoding}' AS encoding,
    payload,
    CONCAT('kafka:', topic) AS load_id,
    CAST(published_at AS TIMESTAMP(3)) AS received_at
FROM pool_share_kafka;
