package io.chainlake.orchestration.pool;

import io.chainlake.catalog.ChainlakeConfig;
import io.chainlake.catalog.MysqlStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes simulated users and workers to the pool's MySQL dimension tables ({@code users}, btcpool's
 * {@code mining_workers}), creating database and tables when missing. Upserts of the dimension columns only, so a
 * rerun changes nothing and the realtime columns exports maintain are left alone.
 */
public final class PoolDimensions {

    private final MysqlStore mysql;
    private final String database;

    public PoolDimensions(ChainlakeConfig config) {
        this.mysql = new MysqlStore(config);
        this.database = config.get(ChainlakeConfig.MYSQL_POOL_DATABASE);
    }

    public String database() {
        return database;
    }

    /** Returns how many workers were written. */
    public int write(List<FleetWorker> fleet) throws SQLException {
        mysql.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException("MySQL at " + mysql.serverUrl() + " cannot be reached (" + reason + ")");
        });
        mysql.ensureTable("mysql/pool_user.sql");
        mysql.ensureTable("mysql/pool_worker.sql");
        Map<Integer, String> users = new LinkedHashMap<>();
        fleet.forEach(w -> users.putIfAbsent(w.puid(), w.userName()));
        try (Connection c = mysql.connect(false)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + database + "`.users "
                    + "(puid, user_name, created_at, updated_at) VALUES (?, ?, NOW(), NOW()) "
                    + "ON DUPLICATE KEY UPDATE user_name = VALUES(user_name), updated_at = IF(user_name <=> "
                    + "VALUES(user_name), updated_at, NOW())")) {
                for (Map.Entry<Integer, String> u : users.entrySet()) {
                    ps.setInt(1, u.getKey());
                    ps.setString(2, u.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + database + "`.mining_workers "
                    + "(worker_id, puid, group_id, worker_name, created_at, updated_at) VALUES (?, ?, 0, ?, NOW(), "
                    + "NOW()) ON DUPLICATE KEY UPDATE worker_name = VALUES(worker_name)")) {
                for (FleetWorker w : fleet) {
                    ps.setLong(1, w.workerId());
                    ps.setInt(2, w.puid());
                    ps.setString(3, w.workerName());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return fleet.size();
    }
}
