INSERT INTO ads.large_tx
SELECT
    f.dt,
    f.txid,
    f.block_height,
    f.block_time,
    sat_to_btc(f.output_value_sat) AS value_btc,
    f.fee_sat,
    f.sender_addresses,
    s.labels AS sender_labels,
    f.receiver_addresses,
    r.labels AS receiver_labels
FROM dws.btc_large_tx_flow AS f
LEFT JOIN (
    SELECT
        x.txid,
        ARRAY_SORT(ARRAY_AGG(DISTINCT l.label)) AS labels
    FROM dws.btc_large_tx_flow AS x
    CROSS JOIN UNNEST(x.sender_addresses) AS a (address)
    JOIN address_label AS l
        ON l.address = a.address
    GROUP BY x.txid
) AS s
    ON s.txid = f.txid
LEFT JOIN (
    SELECT
        x.txid,
        ARRAY_SORT(ARRAY_AGG(DISTINCT l.label)) AS labels
    FROM dws.btc_large_tx_flow AS x
    CROSS JOIN UNNEST(x.receiver_addresses) AS a (address)
    JOIN address_label AS l
        ON l.address = a.address
    GROUP BY x.txid
) AS r
    ON r.txid = f.txid;
