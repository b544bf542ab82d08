-- MySQL dialect. The pool's users (btcpool puid), read by dwd.pool_share through a lookup join; written by the
-- pool's account system, or by ./chainlake simulate-pool for the users it simulates.
CREATE DATABASE IF NOT EXISTS `${mysql_pool_database}`;

CREATE TABLE IF NOT EXISTS `${mysql_pool_database}`.`users` (
    puid INT NOT NULL COMMENT 'btcpool user id (userid of a share)',
    user_name VARCHAR(64) NOT NULL COMMENT 'Account name',
    created_at TIMESTAMP NULL DEFAULT NULL,
    updated_at TIMESTAMP NULL DEFAULT NULL,
    PRIMARY KEY (puid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'Pool users (puid -> name)';
