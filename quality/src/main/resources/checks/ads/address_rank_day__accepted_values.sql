-- description: rank_by is received_sat or tx_count; per day and ranking the ranks run 1, 2, ... without gaps up to at most address-rank.top-n (${address_rank_top_n})
-- severity: error
SELECT
    dt,
    rank_by,
    ranks,
    min_rank,
    max_rank
FROM (
    SELECT
        dt,
        rank_by,
        COUNT(*) AS ranks,
        MIN(`rank`) AS min_rank,
        MAX(`rank`) AS max_rank
    FROM ads.address_rank_day
    GROUP BY dt, rank_by
)
WHERE rank_by NOT IN ('received_sat', 'tx_count')
    OR min_rank <> 1
    OR max_rank <> ranks
    OR max_rank > ${address_rank_top_n}
