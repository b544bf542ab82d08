-- Parse once: every DWD job reads the blocks through this view, and the build runs those jobs as one statement
-- set. The marker below routes the view through one shared operator, so each block is parsed a single time
-- (DwdParseOnceIT counts the parse operators in the job graph).
-- chainlake:shared-pass
CREATE TEMPORARY VIEW btc_tx_parsed AS
SELECT
    r.block_hash,
    c.block_height,
    r.block_time,
    DATE_FORMAT(r.block_time, 'yyyy-MM-dd') AS dt,
    t.tx_index,
    t.txid,
    t.wtxid,
    t.version,
    t.locktime,
    t.size,
    t.stripped_size,
    t.vsize,
    t.weight,
    t.is_coinbase,
    t.has_witness,
    t.is_rbf_signaling,
    t.output_value_sat,
    t.inputs,
    t.outputs
FROM ods.btc_block_raw AS r
JOIN dwd.btc_block_chain AS c
    ON c.block_hash = r.block_hash
CROSS JOIN LATERAL TABLE(parse_block(r.raw_block, r.network)) AS t;
