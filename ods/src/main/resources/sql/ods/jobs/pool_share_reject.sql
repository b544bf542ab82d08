-- Batch: written by the Java loader io.chainlake.ods.load.ShareLoader (./chainlake load-shares): it decodes each
-- message with the share codec and writes the ones it refuses here, naming file and position.
-- Streaming (./chainlake stream): this INSERT, for the Kafka records the same codec refuses (share_problem), with
-- the same reason; topic, partition and offset say where the record is.
INSERT INTO ods.pool_share_reject
SELECT
    'kafka' AS source,
    k.topic AS source_name,
    k.kafka_partition AS source_partition,
    k.kafka_offset AS source_offset,
    '${pool_share_encoding}' AS encoding,
    k.reason,
    k.payload,
    CONCAT('kafka:', k.topic) AS load_id,
    CAST(k.published_at AS TIMESTAMP(3)) AS rejected_at
FROM (
    SELECT *, share_problem('${pool_share_encoding}', payload) AS reason
    FROM pool_share_kafka
) AS k
WHERE k.reason IS NOT NULL;
