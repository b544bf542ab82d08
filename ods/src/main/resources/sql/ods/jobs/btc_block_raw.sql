-- Batch: written by the Java loader io.chainlake.ods.load.BlockLoader (./chainlake load-blocks): block files are
-- not Flink sources, and the loader must decide heights and rejects over all headers before it writes.
-- Streaming (./chainlake stream): this INSERT, from Kafka. The height a publisher states in the record header is
-- the hint for the first block of a detached segment, else the BIP34 coinbase height; blocks whose parent has not
-- arrived yet are held by the chain index (ChainIndexStream), not here. Redeliveries are absorbed by first-row.
-- A block whose network header names another network than the warehouse's is a reject (btc_block_reject.sql).
INSERT INTO ods.btc_block_raw
SELECT
    h.block_hash,
    h.prev_block_hash,
    h.version,
    h.merkle_root,
    h.block_time,
    h.bits,
    h.nonce,
    h.tx_count,
    h.size,
    h.stripped_size,
    h.weight,
    COALESCE(CAST(CAST(k.headers['height'] AS STRING) AS INT), h.bip34_height) AS height_hint,
    CASE
        WHEN k.headers['height'] IS NOT NULL THEN 'kafka_header'
        WHEN h.bip34_height IS NOT NULL THEN 'bip34'
    END AS height_hint_source,
    k.raw_block,
    k.network,
    CONCAT(k.topic, '-', CAST(k.kafka_partition AS STRING)) AS source_file,
    k.kafka_offset AS source_offset,
    CONCAT('kafka:', k.topic) AS load_id,
    CAST(k.published_at AS TIMESTAMP(3)) AS loaded_at
FROM (
    SELECT *, block_header(raw_block, '${network}') AS h
    FROM btc_block_kafka
) AS k
WHERE k.h.error IS NULL AND k.network = '${network}';
