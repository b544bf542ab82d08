-- Each ranking is a Flink Top-N (ROW_NUMBER filtered right above it), so it also runs as a streaming Top-N.
INSERT INTO ads.address_rank_day
SELECT
    r.dt,
    r.rank_by,
    CAST(r.rn AS INT) AS `rank`,
    r.address,
    r.received_sat,
    r.tx_count,
    l.label,
    l.category AS label_category
FROM (
    SELECT
        dt,
        'received_sat' AS rank_by,
        address,
        received_sat,
        tx_count,
        rn
    FROM (
        SELECT
            dt,
            address,
            received_sat,
            tx_count,
            ROW_NUMBER() OVER (PARTITION BY dt ORDER BY received_sat DESC, address) AS rn
        FROM dws.btc_address_day
    )
    WHERE rn <= ${address_rank_top_n}
    UNION ALL
    SELECT
        dt,
        'tx_count' AS rank_by,
        address,
        received_sat,
        tx_count,
        rn
    FROM (
        SELECT
            dt,
            address,
            received_sat,
            tx_count,
            ROW_NUMBER() OVER (PARTITION BY dt ORDER BY tx_count DESC, address) AS rn
        FROM dws.btc_address_day
    )
    WHERE rn <= ${address_rank_top_n}
) AS r
LEFT JOIN address_label AS l
    ON l.address = r.address;
