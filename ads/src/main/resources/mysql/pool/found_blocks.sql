-- MySQL dialect. btcpool's found_blocks (install/bpool_local_db.sql, the puid version blkmaker writes). A share does
-- not carry the block header, so hash, prev_hash, size, version and rewards (the coinbase value: subsidy plus fees)
-- come from the chain tables once they hold the block (see sql/ads/exports/found_blocks.sql) and are NULL until
-- then, instead of NOT NULL; bits is the share's blkbits. btcpool's unique key is the block
-- hash, which a NULL cannot keep unique, so the share that solved the block (height, worker_id, job_id, nonce: the
-- key of dwd.pool_block_found) is the unique key chainlake upserts by, with nonce added for it.
CREATE TABLE IF NOT EXISTS `found_blocks` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `puid` INT NOT NULL,
    `worker_id` BIGINT NOT NULL,
    `worker_full_name` VARCHAR(50) DEFAULT NULL COMMENT 'user_name.worker_name; NULL when either is unknown',
    `job_id` BIGINT UNSIGNED NOT NULL,
    `height` INT NOT NULL,
    `is_orphaned` TINYINT NOT NULL DEFAULT 0,
    `hash` CHAR(64) DEFAULT NULL,
    `rewards` BIGINT DEFAULT NULL,
    `size` INT DEFAULT NULL,
    `prev_hash` CHAR(64) DEFAULT NULL,
    `bits` INT UNSIGNED NOT NULL,
    `version` INT DEFAULT NULL,
    `created_at` DATETIME DEFAULT NULL COMMENT 'share time of the solving share (UTC)',
    `nonce` BIGINT UNSIGNED NOT NULL COMMENT 'chainlake: nonce of the solving share, part of the unique key',
    PRIMARY KEY (`id`),
    UNIQUE KEY `found_share` (`height`, `worker_id`, `job_id`, `nonce`),
    UNIQUE KEY `hash` (`hash`),
    KEY `height` (`height`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
