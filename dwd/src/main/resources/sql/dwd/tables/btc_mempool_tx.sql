-- Unconfirmed transactions decoded once (parse_tx), one row per message key, bad messages included with a reason.
CREATE TABLE IF NOT EXISTS dwd.btc_mempool_tx (
    txid STRING NOT NULL COMMENT 'Transaction id the message came under (Kafka key), display order',
    first_seen_at TIMESTAMP(3) COMMENT 'When the first message carrying it reached Kafka, UTC',
    network STRING COMMENT 'main | testnet3 | testnet4 | signet | regtest (message header, else the warehouse network)',
    wtxid STRING COMMENT 'Witness transaction id, display order',
    size INT COMMENT 'Serialized size in bytes, witness included',
    vsize INT COMMENT 'Virtual size: ceil(weight / 4)',
    weight INT COMMENT 'BIP141 weight units',
    has_witness BOOLEAN COMMENT 'Serialized with witness data (a SegWit transaction)',
    is_rbf_signaling BOOLEAN COMMENT 'BIP125: some input has nSequence < 0xfffffffe',
    input_count INT COMMENT 'Number of inputs',
    output_count INT COMMENT 'Number of outputs',
    output_value_sat BIGINT COMMENT 'Sum of output values',
    output_addresses ARRAY<STRING> COMMENT 'Distinct addresses paid, in output order (scripts without an address left out)',
    problem STRING COMMENT 'Why the message is unusable (undecodable, or its bytes hash to another txid); NULL when fine',
    PRIMARY KEY (txid) NOT ENFORCED
) COMMENT 'DWD: one row per unconfirmed transaction seen (ods.btc_mempool_tx), decoded; it stays after it is mined'
WITH (
    'bucket' = '2',
    'changelog-producer' = 'lookup'
);
