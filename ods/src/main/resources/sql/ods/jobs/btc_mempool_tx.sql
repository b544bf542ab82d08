-- Streaming only (./chainlake stream): unconfirmed transactions from Kafka. A batch build has no mempool, so
-- load-blocks never writes this table. Redeliveries are absorbed by first-row: first_seen_at is the first time.
INSERT INTO ods.btc_mempool_tx
SELECT
    record_key AS txid,
    raw_tx,
    COALESCE(CAST(headers['network'] AS STRING), '${network}') AS network,
    CAST(published_at AS TIMESTAMP(3)) AS first_seen_at,
    topic AS source_topic,
    kafka_partition AS source_partition,
    kafka_offset AS source_offset,
    CAST(published_at AS TIMESTAMP(3)) AS loaded_at
FROM btc_mempool_tx_kafka
WHERE record_key IS NOT NULL;
