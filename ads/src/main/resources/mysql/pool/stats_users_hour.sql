-- MySQL dialect. btcpool's stats_users_hour (install/bpool_local_stats_db.sql with db.change.sql's share_stale and
-- reject_detail); chainlake upserts it from dws.pool_user_hour by the unique key, so a replay rewrites the same values.
-- The user column is btcpool's `puid` (its ShareLogParser writes `puid`,`hour`); chainlake before 2026-11-29 named
-- it uid, and a table created then is renamed in place:
-- chainlake:renamed uid -> puid
-- chainlake:renamed uid_hour -> puid_hour
CREATE TABLE IF NOT EXISTS `stats_users_hour` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `puid` INT NOT NULL,
    `hour` INT NOT NULL COMMENT 'yyyyMMddHH (UTC)',
    `share_accept` BIGINT NOT NULL DEFAULT 0,
    `share_stale` BIGINT NOT NULL DEFAULT 0,
    `share_reject` BIGINT NOT NULL DEFAULT 0,
    `reject_detail` VARCHAR(255) NOT NULL DEFAULT '',
    `reject_rate` DOUBLE NOT NULL DEFAULT 0,
    `score` DECIMAL(35, 25) NOT NULL DEFAULT 0,
    `earn` BIGINT NOT NULL DEFAULT 0,
    `created_at` TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
    `updated_at` TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (`id`),
    UNIQUE KEY `puid_hour` (`puid`, `hour`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
