-- MySQL dialect. btcpool's mining_workers (install/bpool_local_db.sql with db.change.sql's stale_15m / stale_1h),
-- the one definition of the table: the DWD lookup view pool_worker and the ADS export mining_workers both create it
-- from this file, whichever runs first. (puid, worker_id) is the primary key instead of btcpool's unique key, so
-- exports can upsert. The dimension columns (worker_id, puid, group_id, worker_name) are written by the pool (or
-- simulate-pool); the realtime columns by chainlake's exports, which never delete a row. group_id has a default so
-- that a worker the dimension does not know yet still gets its realtime row. last_share_ip is VARCHAR(45), not
-- btcpool's CHAR(16): a share's ip is IpAddress::toString, an IPv6 text up to 45 characters, which CHAR(16) refused
-- (strict mode), failing the whole export; ensureTable widens a CHAR(16) table made before.
CREATE DATABASE IF NOT EXISTS `${mysql_pool_database}`;

CREATE TABLE IF NOT EXISTS `${mysql_pool_database}`.`mining_workers` (
    worker_id BIGINT NOT NULL COMMENT 'btcpool workerhashid',
    puid INT NOT NULL COMMENT 'btcpool user id',
    group_id INT NOT NULL DEFAULT 0 COMMENT 'Worker group of the user',
    worker_name VARCHAR(50) DEFAULT NULL COMMENT 'Worker name as the miner configured it',
    accept_1m BIGINT NOT NULL DEFAULT 0,
    accept_5m BIGINT NOT NULL DEFAULT 0,
    accept_15m BIGINT NOT NULL DEFAULT 0,
    stale_15m BIGINT NOT NULL DEFAULT 0,
    reject_15m BIGINT NOT NULL DEFAULT 0,
    accept_1h BIGINT NOT NULL DEFAULT 0,
    stale_1h BIGINT NOT NULL DEFAULT 0,
    reject_1h BIGINT NOT NULL DEFAULT 0,
    accept_count INT NOT NULL DEFAULT 0,
    last_share_ip VARCHAR(45) NOT NULL DEFAULT '0.0.0.0',
    last_share_time TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:01',
    miner_agent VARCHAR(30) DEFAULT NULL,
    created_at TIMESTAMP NULL DEFAULT NULL,
    updated_at TIMESTAMP NULL DEFAULT NULL,
    PRIMARY KEY (puid, worker_id),
    KEY puid_group_id (puid, group_id),
    KEY puid_worker_name (puid, worker_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'btcpool mining_workers: worker dimension and realtime status';
