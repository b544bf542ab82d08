-- Batch: written by the Java loader io.chainlake.ods.load.BlockLoader with the block-file problems it finds (wrong
-- magic, truncation, undecodable blocks, headers failing proof of work, blocks of no known height).
-- Streaming (./chainlake stream): this INSERT, for Kafka records that do not decode as a block or fail proof of
-- work (a corrupted header), and for blocks whose network header names another network than the warehouse's
-- (their addresses and subsidies would be read with the wrong rules); the record's topic-partition and offset say
-- where it is. A block of no known height stays in ods.btc_block_raw with a NULL height in the chain index instead:
-- a stream cannot know that its parent will never come.
INSERT INTO ods.btc_block_reject
SELECT
    CONCAT(k.topic, '-', CAST(k.kafka_partition AS STRING)) AS source_file,
    k.kafka_offset AS source_offset,
    CONCAT(
        CASE
            -- first: another network's block is checked against this one's proof-of-work limit too
            WHEN k.network <> '${network}'
            THEN 'block of network ' || k.network || ' (its network header), but this warehouse is ${network}: '
                || 'replay it with --network ${network}, or stream it into a warehouse of its own with --set '
                || 'network=' || k.network
            ELSE k.h.error
        END,
        ' (kafka key ', COALESCE(k.record_key, 'NULL'), ')') AS reason,
    k.h.block_hash AS block_hash,
    '${network}' AS network,
    CONCAT('kafka:', k.topic) AS load_id,
    CAST(k.published_at AS TIMESTAMP(3)) AS rejected_at
FROM (
    SELECT *, block_header(raw_block, '${network}') AS h
    FROM btc_block_kafka
) AS k
WHERE k.h.error IS NOT NULL OR k.network <> '${network}';
