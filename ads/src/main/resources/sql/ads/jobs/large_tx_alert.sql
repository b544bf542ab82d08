-- Only main-chain blocks count (dws.btc_large_tx_flow joins them with a regular join): when a reorg drops the block,
-- its row leaves the confirmed side and the transaction is unconfirmed again. The block hash is joined in the same
-- inner join, so a row turns confirmed with its block complete.
-- One row per txid as the last operator (a Top-N keyed by txid): the confirmed side joins by height, so when a
-- reorg moves a transaction to another height its old and new rows come from different subtasks; keyed by txid
-- they leave in order (see dws.btc_block_stats).
INSERT INTO ads.large_tx_alert
SELECT
    txid,
    status,
    first_seen_at,
    confirmed_at,
    block_height,
    block_hash,
    value_sat,
    value_btc,
    fee_sat,
    receiver_addresses
FROM (
    SELECT
        COALESCE(c.txid, m.txid) AS txid,
        CASE WHEN c.txid IS NULL THEN 'unconfirmed' ELSE 'confirmed' END AS status,
        m.first_seen_at,
        c.block_time AS confirmed_at,
        c.block_height,
        c.block_hash,
        COALESCE(c.output_value_sat, m.output_value_sat) AS value_sat,
        sat_to_btc(COALESCE(c.output_value_sat, m.output_value_sat)) AS value_btc,
        c.fee_sat,
        COALESCE(m.receiver_addresses, c.receiver_addresses) AS receiver_addresses,
        ROW_NUMBER() OVER (PARTITION BY COALESCE(c.txid, m.txid) ORDER BY c.block_hash) AS txid_rank
    FROM dws.btc_mempool_large_tx AS m
    FULL OUTER JOIN (
        SELECT
            f.txid,
            f.block_height,
            f.block_time,
            s.blockhash AS block_hash,
            f.output_value_sat,
            f.fee_sat,
            f.receiver_addresses
        FROM dws.btc_large_tx_flow AS f
        JOIN dws.btc_block_stats AS s
            ON s.height = f.block_height
    ) AS c
        ON c.txid = m.txid
)
WHERE txid_rank = 1;
