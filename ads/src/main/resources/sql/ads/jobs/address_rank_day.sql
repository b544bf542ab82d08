-- Each ranking is a Flink Top-N (ROW_NUMBER filtered right above it), so it also runs as a streaming Top-N. Labels
-- are joined before ranking: the Top-N, keyed by dt, is then the last operator, and every change of a (dt, rank)
-- row reaches the upsert sink in the order it was made. Joined after it, the join would shuffle by address and a
-- rank's retraction (old address) could overtake its replacement (new address) and delete it.
INSERT INTO ads.address_rank_day
SELECT
    dt,
    'received_sat' AS rank_by,
    CAST(rn AS INT) AS `rank`,
    address,
    received_sat,
    tx_count,
    label,
    label_category
FROM (
    SELECT
        a.dt,
        a.address,
        a.received_sat,
        a.tx_count,
        l.label,
        l.category AS label_category,
        ROW_NUMBER() OVER (PARTITION BY a.dt ORDER BY a.received_sat DESC, a.address) AS rn
    FROM dws.btc_address_day AS a
    LEFT JOIN address_label AS l
        ON l.address = a.address
)
WHERE rn <= ${address_rank_top_n}
UNION ALL
SELECT
    dt,
    'tx_count' AS rank_by,
    CAST(rn AS INT) AS `rank`,
    address,
    received_sat,
    tx_count,
    label,
    label_category
FROM (
    SELECT
        a.dt,
        a.address,
        a.received_sat,
        a.tx_count,
        l.label,
        l.category AS label_category,
        ROW_NUMBER() OVER (PARTITION BY a.dt ORDER BY a.tx_count DESC, a.address) AS rn
    FROM dws.btc_address_day AS a
    LEFT JOIN address_label AS l
        ON l.address = a.address
)
WHERE rn <= ${address_rank_top_n};
