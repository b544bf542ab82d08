-- MySQL dialect. btcpool's mining_workers (install/bpool_local_db.sql with db.change.sql's stale_15m / stale_1h).
-- The dimension columns belong to the share loader; chainlake's ADS export upserts only the realtime columns.
-- group_id has a default so that a worker the dimension does not know yet still gets its realtime row.
CREATE TABLE IF NOT EXISTS `mining_workers` (
    `worker_id` BIGINT NOT NULL,
    `puid` INT NOT NULL,
    `group_id` INT NOT NULL DEFAULT 0,
    `worker_name` VARCHAR(50) DEFAULT NULL,
    `accept_1m` BIGINT NOT NULL DEFAULT 0,
    `accept_5m` BIGINT NOT NULL DEFAULT 0,
    `accept_15m` BIGINT NOT NULL DEFAULT 0,
    `stale_15m` BIGINT NOT NULL DEFAULT 0,
    `reject_15m` BIGINT NOT NULL DEFAULT 0,
    `accept_1h` BIGINT NOT NULL DEFAULT 0,
    `stale_1h` BIGINT NOT NULL DEFAULT 0,
    `reject_1h` BIGINT NOT NULL DEFAULT 0,
    `accept_count` INT NOT NULL DEFAULT 0,
    `last_share_ip` CHAR(16) NOT NULL DEFAULT '0.0.0.0',
    `last_share_time` TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:01',
    `miner_agent` VARCHAR(30) DEFAULT NULL,
    `created_at` TIMESTAMP NULL DEFAULT NULL,
    `updated_at` TIMESTAMP NULL DEFAULT NULL,
    PRIMARY KEY (`puid`, `worker_id`),
    KEY `puid_group_id` (`puid`, `group_id`),
    KEY `puid_worker_name` (`puid`, `worker_name`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
