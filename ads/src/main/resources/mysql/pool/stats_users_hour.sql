-- MySQL dialect. btcpool's stats_users_hour (install/bpool_local_stats_db.sql with db.change.sql's share_stale and
-- reject_detail); chainlake upserts it from dws.pool_user_hour by the unique key, so a replay rewrites the same values.
CREATE TABLE IF NOT EXISTS `stats_users_hour` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `uid` INT NOT NULL,
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
    UNIQUE KEY `uid_hour` (`uid`, `hour`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
