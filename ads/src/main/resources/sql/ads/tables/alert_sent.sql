-- The delivery log of the alert webhook: what was sent survives a restart of the alert job without its checkpoint,
-- so a fresh start does not alert again on rows it already announced.
CREATE TABLE IF NOT EXISTS ads.alert_sent (
    txid STRING NOT NULL COMMENT 'Transaction the alert was about',
    status STRING NOT NULL COMMENT 'Status announced: unconfirmed | confirmed',
    alert_id STRING COMMENT 'Stable id sent in the payload and the Idempotency-Key header: large_tx/<txid>/<status>',
    sent_at TIMESTAMP(3) COMMENT 'When the webhook accepted it, UTC',
    attempts INT COMMENT 'HTTP attempts it took',
    http_status INT COMMENT 'Status code of the accepting response',
    PRIMARY KEY (txid, status) NOT ENFORCED
) COMMENT 'ADS: one row per large-transaction alert delivered to alert.webhook-url (grain: txid x status)'
WITH (
    'bucket' = '1',
    'merge-engine' = 'first-row'
);
