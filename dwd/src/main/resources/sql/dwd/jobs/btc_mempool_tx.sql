-- A message whose bytes do not decode, hash to a txid other than its key, or whose network header names another
-- network than the warehouse's keeps its row with the reason, and no report counts it.
INSERT INTO dwd.btc_mempool_tx
SELECT
    m.txid,
    m.first_seen_at,
    COALESCE(m.network, '${network}') AS network,
    t.wtxid,
    t.size,
    t.vsize,
    t.weight,
    t.has_witness,
    t.is_rbf_signaling,
    t.input_count,
    t.output_count,
    t.output_value_sat,
    t.output_addresses,
    CASE
        WHEN t.problem IS NOT NULL THEN t.problem
        WHEN m.network <> '${network}' THEN
            CONCAT('a transaction of network ', m.network, ' (its network header), but this warehouse is ${network}')
        WHEN t.txid <> m.txid THEN CONCAT('bytes hash to txid ', t.txid, ', not to the key')
        WHEN t.is_coinbase THEN 'a coinbase transaction is never relayed unconfirmed'
    END AS problem
FROM ods.btc_mempool_tx AS m
CROSS JOIN LATERAL TABLE(parse_tx(m.raw_tx, COALESCE(m.network, '${network}'))) AS t;
