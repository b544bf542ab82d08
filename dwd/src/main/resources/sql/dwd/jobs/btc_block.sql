INSERT INTO dwd.btc_block
SELECT
    c.block_height,
    r.block_hash,
    r.prev_block_hash,
    r.block_time,
    c.median_time,
    r.version,
    r.bits,
    bits_to_difficulty(r.bits) AS difficulty,
    r.nonce,
    r.merkle_root,
    r.tx_count,
    r.size,
    r.stripped_size,
    r.weight,
    coinbase_text(cb.script_sig_hex) AS coinbase_text,
    cb.script_sig_hex AS coinbase_script_sig_hex,
    c.chain_work,
    c.in_main_chain,
    r.network,
    DATE_FORMAT(r.block_time, 'yyyy-MM-dd') AS dt
FROM ods.btc_block_raw AS r
JOIN dwd.btc_block_chain AS c
    ON c.block_hash = r.block_hash
LEFT JOIN (
    SELECT
        block_hash,
        inputs[1].script_sig_hex AS script_sig_hex
    FROM btc_tx_parsed
    WHERE is_coinbase
) AS cb
    ON cb.block_hash = r.block_hash;
